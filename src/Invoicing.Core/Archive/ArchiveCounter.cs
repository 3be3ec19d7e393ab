using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A numbering counter as a store keeps it (the row the next issue draws from), checked by
/// <see cref="ArchiveChainVerifier.CheckCounters"/> against the last document of the counter in the archive.
/// </summary>
/// <param name="CounterKey">The counter (<see cref="NumberSeries.CounterKey"/>).</param>
/// <param name="LastSequence">The last sequence drawn.</param>
/// <param name="LastIssueDate">The issue date of the last document numbered.</param>
public sealed record ArchiveCounter(string CounterKey, long LastSequence, LocalDate LastIssueDate);
