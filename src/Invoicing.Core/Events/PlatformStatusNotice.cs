using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A lifecycle status an e-invoicing platform reported about an issued invoice, to record as a
/// <see cref="InvoiceEventKind.PlatformStatus"/> event (<see cref="IInvoiceEventStore.RecordPlatformStatusAsync"/>).
/// </summary>
public sealed record PlatformStatusNotice
{
    /// <summary>
    /// The event's id, derived from the status message so that the same status received twice (a platform resends,
    /// a host restarts mid-way) is recorded once.
    /// </summary>
    public required Guid Id { get; init; }

    /// <summary>When the platform issued the status.</summary>
    public required Instant ReportedAt { get; init; }

    /// <summary>The status's code in the platform's list, for example <c>210</c>; at most 200 characters.</summary>
    public required string Code { get; init; }

    /// <summary>The status's name, for example <c>Refusée</c>; optional, at most 200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>The identifier of the status message; optional, at most 200 characters.</summary>
    public string? MessageId { get; init; }

    /// <summary>The reason given with the status (its code and text); optional, at most 1,000 characters.</summary>
    public string? Reason { get; init; }
}
