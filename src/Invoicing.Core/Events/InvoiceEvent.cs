using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Something that happened to an invoice, recorded in the store's outbox in the same transaction as the change, and
/// delivered to every <see cref="IInvoiceEventHandler"/> at least once. A handler may see an event twice (after a crash
/// between its work and the cursor's advance): <see cref="Id"/> tells a repeat apart.
/// </summary>
public sealed record InvoiceEvent
{
    /// <summary>Identifies the event, the same at every delivery: a handler stores it to ignore a repeat.</summary>
    public required Guid Id { get; init; }

    /// <summary>The event's place in its store, increasing in the order the changes were committed (gaps are possible).</summary>
    public required long Position { get; init; }

    /// <summary>What happened.</summary>
    public required InvoiceEventKind Kind { get; init; }

    /// <summary>The invoice it happened to (BT-1).</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>The host's key of the invoice's customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>The invoice currency (BT-5), the currency of <see cref="Amount"/>.</summary>
    public required Currency Currency { get; init; }

    /// <summary>
    /// The amount the event is about, where one applies: the amount due at issue, the payment, the credit, the amount
    /// written off, the balance when overdue; null for sent, viewed, reminded and disputed.
    /// </summary>
    public decimal? Amount { get; init; }

    /// <summary>When it happened (the issue instant, or the store's clock when the change was recorded).</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>
    /// A few facts particular to the kind, as text (for example <c>paymentId</c> and <c>balance</c> of a payment,
    /// <c>creditNoteNumber</c> of a credit, <c>reason</c> of a write-off); see docs/events.md for each kind's keys.
    /// </summary>
    public IReadOnlyDictionary<string, string> Data { get; init => field = value ?? InvoiceEvents.NoData; } = InvoiceEvents.NoData;
}
