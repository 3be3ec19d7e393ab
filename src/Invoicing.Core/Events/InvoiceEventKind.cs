using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>What happened to an invoice. Stored and sent by name (<see cref="InvoiceEventKinds.Name"/>), never by number.</summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<InvoiceEventKind>))]
public enum InvoiceEventKind
{
    /// <summary>The invoice (or credit note) was issued: numbered and archived.</summary>
    Issued,

    /// <summary>The host or the mail path sent the invoice to the customer.</summary>
    Sent,

    /// <summary>The customer opened the invoice (a portal reports it).</summary>
    Viewed,

    /// <summary>A payment settled the balance.</summary>
    Paid,

    /// <summary>A payment was received and a balance remains.</summary>
    PartlyPaid,

    /// <summary>The due date passed with a balance open; recorded once per invoice.</summary>
    Overdue,

    /// <summary>The dunning runner sent a reminder.</summary>
    Reminded,

    /// <summary>The customer disputes the invoice: reminders are paused.</summary>
    Disputed,

    /// <summary>A credit note was applied to the invoice.</summary>
    Credited,

    /// <summary>The remaining balance was written off as uncollectable.</summary>
    WrittenOff,

    /// <summary>
    /// An e-invoicing platform reported a lifecycle status of the invoice (for example a French platform's "approved",
    /// "refused" or "cashed"); recorded once per status message.
    /// </summary>
    PlatformStatus,
}

/// <summary>The stable names of <see cref="InvoiceEventKind"/>, as stored in outbox tables and sent in webhooks.</summary>
public static class InvoiceEventKinds
{
    private static readonly string[] Names = ["issued", "sent", "viewed", "paid", "partly_paid", "overdue", "reminded", "disputed", "credited", "written_off", "platform_status"];

    /// <summary>The name of a kind: <c>issued</c>, <c>sent</c>, <c>viewed</c>, <c>paid</c>, <c>partly_paid</c>, <c>overdue</c>, <c>reminded</c>, <c>disputed</c>, <c>credited</c>, <c>written_off</c>, <c>platform_status</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public static string Name(InvoiceEventKind kind) =>
        (uint)kind < (uint)Names.Length ? Names[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an invoice event kind.");

    /// <summary>The kind of a name given by <see cref="Name"/>; false for any other text.</summary>
    public static bool TryParse(string? name, out InvoiceEventKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? default : (InvoiceEventKind)index;
        return index >= 0;
    }

    /// <summary>The kind of a name read back from a store.</summary>
    /// <exception cref="InvoiceFormatException">The name is not one of <see cref="Name"/>'s.</exception>
    public static InvoiceEventKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new InvoiceFormatException($"'{name}' is not an invoice event kind.", "kind");
}
