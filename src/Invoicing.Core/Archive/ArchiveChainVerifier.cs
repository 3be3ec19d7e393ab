using System.Globalization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Walks an archive in chain order (the order of issue) and finds the first broken link. Stores feed it their
/// issued documents one by one, so an archive of any size is checked in constant memory (one entry per counter).
/// </summary>
/// <remarks>
/// A link is broken when the stored previous hash is not the hash of the document before it (or of the
/// <see cref="ArchiveCheckpoint"/> before it), when the stored hash does not match the document and its numbering
/// metadata in the document's <see cref="IssuedInvoice.HashFormat"/>, when the stored totals are not the totals of the
/// document, when a column the store keeps disagrees with the sealed record (<see cref="CheckColumns"/>), when a
/// format-1 document's counter key is not the one its checkpoint sealed, when a counter's sequence skips or repeats a
/// number or goes back in time, or when a counter row disagrees with the archive (<see cref="CheckCounters"/>).
/// </remarks>
public sealed class ArchiveChainVerifier
{
    private readonly ArchiveCheckpoint? _checkpoint;
    private readonly bool _checkpointRequired;
    private readonly Dictionary<string, (long Sequence, LocalDate IssueDate, string Number)> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastBySeries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Series, int Year), long> _lastBySeriesYear = [];
    private string _lastHash = ArchiveHash.Genesis;
    private string _seal = ArchiveHash.Genesis;
    private string? _lastNumber;
    private int _lastFormat;
    private long _checked;
    private bool _checkpointPassed;

    /// <summary>A verifier for an archive without checkpoint (every document in one hash format, or format 1 then none).</summary>
    public ArchiveChainVerifier()
        : this(null, checkpointRequired: false)
    {
    }

    /// <summary>A verifier for an archive that may hold format-1 documents sealed by a checkpoint.</summary>
    /// <param name="checkpoint">The checkpoint the archive holds; null when it holds none.</param>
    /// <param name="checkpointRequired">
    /// Whether format-1 documents must be sealed by a checkpoint: true once the archive's schema writes one (a store
    /// upgraded to format 2), so that removing the checkpoint does not pass for an archive that never had one.
    /// </param>
    public ArchiveChainVerifier(ArchiveCheckpoint? checkpoint, bool checkpointRequired)
    {
        _checkpoint = checkpoint;
        _checkpointRequired = checkpointRequired;
    }

    /// <summary>The first broken link found, or null while the chain holds.</summary>
    public ArchiveVerification? Failure { get; private set; }

    /// <summary>The hash the next document must link to: the last document's, or the checkpoint's right after the documents it covers.</summary>
    public string NextPreviousHash => _checkpoint is { } checkpoint && _checked == checkpoint.DocumentsCovered ? checkpoint.Hash : _lastHash;

    /// <summary>Checks the next document of the chain; returns false once a link is broken (later calls are ignored).</summary>
    public bool Check(IssuedInvoice issued) => Check(issued, null, null);

    /// <summary>Checks the next document of the chain, read from a store's row.</summary>
    /// <param name="issued">The sealed record.</param>
    /// <param name="counterKey">The row's counter key column; null when the store keeps none.</param>
    /// <param name="seal">The checkpoint seal the store keeps for the row (format-1 documents); null when it keeps none.</param>
    /// <returns>False once a link is broken (later calls are ignored).</returns>
    public bool Check(IssuedInvoice issued, string? counterKey, string? seal)
    {
        ArgumentNullException.ThrowIfNull(issued);
        if (Failure is not null)
        {
            return false;
        }

        var number = issued.Document?.Number ?? "(no number)";
        if (_checkpoint is { } checkpoint && !_checkpointPassed && _checked == checkpoint.DocumentsCovered)
        {
            var broken = InspectCheckpoint(checkpoint);
            if (broken is not null)
            {
                Failure = new ArchiveVerification(_checked, _lastNumber ?? number, broken);
                return false;
            }
        }

        var reason = Inspect(issued, counterKey ?? issued.CounterKey, seal);
        if (reason is not null)
        {
            Failure = new ArchiveVerification(_checked + 1, number, reason);
            return false;
        }

        _checked++;
        _lastHash = issued.Hash;
        _lastNumber = issued.Number;
        _lastFormat = issued.HashFormat;
        Remember(issued, counterKey ?? issued.CounterKey);
        return true;
    }

    /// <summary>
    /// Compares the columns a store keeps for the document <paramref name="number"/> (call it before
    /// <see cref="Check(IssuedInvoice, string?, string?)"/> for that row); the first that differs breaks the chain there.
    /// </summary>
    /// <returns>False once a link is broken.</returns>
    public bool CheckColumns(string number, params ReadOnlySpan<ArchiveColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (Failure is not null)
        {
            return false;
        }

        foreach (var column in columns)
        {
            if (!column.Matches)
            {
                Failure = new ArchiveVerification(_checked + 1, number, $"its {column.Name} column holds '{column.Stored ?? "(nothing)"}' but its sealed record says '{column.Sealed ?? "(nothing)"}' (the row was altered)");
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// After the walk: checks the store's counter rows against the archive. Each must hold the sequence and issue date of
    /// its counter's last document, and every counter of the archive must have its row; otherwise the next issue would
    /// leave a gap, repeat a number or accept a backdated document.
    /// </summary>
    /// <returns>False once a link is broken.</returns>
    public bool CheckCounters(IEnumerable<ArchiveCounter> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (Failure is not null)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var counter in counters)
        {
            seen.Add(counter.CounterKey);
            if (!_counters.TryGetValue(counter.CounterKey, out var last))
            {
                Failure = new ArchiveVerification(_checked, "(counter " + counter.CounterKey + ")", string.Create(CultureInfo.InvariantCulture, $"the counter row '{counter.CounterKey}' records sequence {counter.LastSequence}, but the archive holds no document of that counter (the next number would leave a gap)"));
                return false;
            }

            if (counter.LastSequence != last.Sequence || counter.LastIssueDate != last.IssueDate)
            {
                Failure = new ArchiveVerification(_checked, last.Number, string.Create(CultureInfo.InvariantCulture, $"the counter row '{counter.CounterKey}' records sequence {counter.LastSequence} of {counter.LastIssueDate:yyyy-MM-dd}, but its last document is sequence {last.Sequence} of {last.IssueDate:yyyy-MM-dd} (the counter row was altered)"));
                return false;
            }
        }

        foreach (var (key, last) in _counters)
        {
            if (!seen.Contains(key))
            {
                Failure = new ArchiveVerification(_checked, last.Number, $"the counter row '{key}' of its last document is missing (the next number of the counter would start again at 1)");
                return false;
            }
        }

        return true;
    }

    /// <summary>Records that a document could not even be read; the chain is broken at <paramref name="number"/>.</summary>
    public void Unreadable(string number, string reason) => Broken(number, reason);

    /// <summary>
    /// Records a broken link the store found itself at the next document, <paramref name="number"/>: a row that is
    /// missing or out of place where the store's schema requires it (an account row, a position).
    /// </summary>
    public void Broken(string number, string reason)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(reason);
        Failure ??= new ArchiveVerification(_checked + 1, number, reason);
    }

    /// <summary>The outcome: the first failure, or an intact result with the number of documents checked.</summary>
    public ArchiveVerification Result()
    {
        if (Failure is null && _checkpoint is { } checkpoint && !_checkpointPassed)
        {
            var broken = _checked < checkpoint.DocumentsCovered
                ? string.Create(CultureInfo.InvariantCulture, $"the checkpoint seals {checkpoint.DocumentsCovered} documents hashed in format 1, the archive holds {_checked} (documents were removed)")
                : InspectCheckpoint(checkpoint);
            if (broken is not null)
            {
                Failure = new ArchiveVerification(_checked, _lastNumber ?? "(checkpoint)", broken);
            }
        }

        return Failure ?? new ArchiveVerification(_checked);
    }

    private string? InspectCheckpoint(ArchiveCheckpoint checkpoint)
    {
        string computed;
        try
        {
            computed = ArchiveCheckpoint.ComputeHash(checkpoint.DocumentsCovered, checkpoint.LastHash, checkpoint.Seal);
        }
        catch (ArgumentException exception)
        {
            return "the checkpoint after it cannot be read: " + exception.Message;
        }

        if (!string.Equals(checkpoint.LastHash, _lastHash, StringComparison.Ordinal) || !string.Equals(checkpoint.Seal, _seal, StringComparison.Ordinal)
            || !string.Equals(computed, checkpoint.Hash, StringComparison.Ordinal))
        {
            return "the checkpoint after it does not match the documents it seals (the checkpoint was altered)";
        }

        _checkpointPassed = true;
        return null;
    }

    private string? Inspect(IssuedInvoice issued, string? counterKey, string? seal)
    {
        if (string.IsNullOrEmpty(issued.Document?.Number))
        {
            return "the stored document has no number";
        }

        var formatProblem = InspectFormat(issued);
        if (formatProblem is not null)
        {
            return formatProblem;
        }

        if (!string.Equals(issued.PreviousHash, NextPreviousHash, StringComparison.Ordinal))
        {
            return "its previous hash is not the hash of the document before it (a document was removed, inserted or reordered)";
        }

        string computed;
        try
        {
            computed = ArchiveHash.Compute(issued);
        }
        catch (ArgumentException exception)
        {
            return "its hash cannot be computed: " + exception.Message;
        }

        if (!string.Equals(computed, issued.Hash, StringComparison.Ordinal))
        {
            return "its content does not match its hash (the document or its numbering metadata was altered)";
        }

        InvoiceTotals totals;
        try
        {
            totals = InvoiceCalculator.Calculate(issued.Document);
        }
        catch (InvoiceValidationException exception)
        {
            return "its totals cannot be computed: " + exception.Message;
        }

        if (totals != issued.Totals)
        {
            return "its stored totals are not the totals of its content (the totals were altered)";
        }

        return InspectCounterKey(issued, counterKey, seal) ?? InspectSequence(issued, counterKey);
    }

    /// <summary>Format 1 only before the checkpoint (or before any format-2 document), format 2 after it.</summary>
    private string? InspectFormat(IssuedInvoice issued)
    {
        if (issued.HashFormat is not (ArchiveHash.FormatDocument or ArchiveHash.FormatMetadata))
        {
            return string.Create(CultureInfo.InvariantCulture, $"its hash format {issued.HashFormat} is not one this version knows (1 or 2)");
        }

        var format1 = issued.HashFormat == ArchiveHash.FormatDocument;
        if (_checkpoint is { } checkpoint)
        {
            var covered = _checked < checkpoint.DocumentsCovered;
            return covered == format1 ? null
                : format1 ? string.Create(CultureInfo.InvariantCulture, $"it is hashed in format 1, but the checkpoint moved the archive to format 2 after {checkpoint.DocumentsCovered} documents")
                : string.Create(CultureInfo.InvariantCulture, $"it is hashed in format 2, but the checkpoint says the first {checkpoint.DocumentsCovered} documents are in format 1");
        }

        if (format1 && _checkpointRequired)
        {
            return "it is hashed in format 1, but the archive holds no checkpoint sealing such documents (the checkpoint was removed)";
        }

        return format1 && _lastFormat == ArchiveHash.FormatMetadata ? "it is hashed in format 1 after documents hashed in format 2"
            : !format1 && _lastFormat == ArchiveHash.FormatDocument ? "it follows documents hashed in format 1, but no checkpoint seals them (the checkpoint was removed)"
            : null;
    }

    /// <summary>The row's counter key: its record's (format 2) or its checkpoint seal's (format 1), and one its series draws from.</summary>
    private string? InspectCounterKey(IssuedInvoice issued, string? counterKey, string? seal)
    {
        if (counterKey is null)
        {
            return null;
        }

        if (counterKey.Length == 0)
        {
            return "its counter_key column is empty";
        }

        if (issued.HashFormat == ArchiveHash.FormatMetadata && !string.Equals(counterKey, issued.CounterKey, StringComparison.Ordinal))
        {
            return $"its counter_key column holds '{counterKey}' but its sealed record says '{issued.CounterKey}' (the row was altered)";
        }

        if (issued.HashFormat == ArchiveHash.FormatDocument && _checkpoint is not null)
        {
            var expected = ArchiveCheckpoint.NextSeal(_seal, issued, counterKey);
            if (seal is null)
            {
                return "it has no seal from the checkpoint, which covers it (the seal was removed)";
            }

            if (!string.Equals(seal, expected, StringComparison.Ordinal))
            {
                return $"its counter_key column holds '{counterKey}', which is not the counter key the checkpoint sealed (the column or its seal was altered)";
            }

            _seal = expected;
        }

        var yearly = issued.SeriesId + "/" + issued.Document.IssueDate.Year.ToString("0000", CultureInfo.InvariantCulture);
        return string.Equals(counterKey, issued.SeriesId, StringComparison.Ordinal) || string.Equals(counterKey, yearly, StringComparison.Ordinal)
            ? null
            : $"its counter key '{counterKey}' is not one its series '{issued.SeriesId}' draws from ('{issued.SeriesId}' or '{yearly}')";
    }

    /// <summary>A counter continues its own sequence from 1 and never goes back in time.</summary>
    private string? InspectSequence(IssuedInvoice issued, string? counterKey)
    {
        if (counterKey is null)
        {
            return InspectSequenceWithoutCounter(issued);
        }

        if (!_counters.TryGetValue(counterKey, out var last))
        {
            return issued.Sequence == 1 ? null
                : string.Create(CultureInfo.InvariantCulture, $"counter '{counterKey}' starts at sequence {issued.Sequence}, not 1 (documents are missing)");
        }

        if (issued.Sequence != last.Sequence + 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its sequence {issued.Sequence} does not follow {last.Sequence} in counter '{counterKey}' (gap or duplicate)");
        }

        return issued.Document.IssueDate < last.IssueDate
            ? string.Create(CultureInfo.InvariantCulture, $"its issue date {issued.Document.IssueDate:yyyy-MM-dd} is before {last.IssueDate:yyyy-MM-dd}, the date of {last.Number} in counter '{counterKey}' (numbering must be chronological)")
            : null;
    }

    /// <summary>
    /// Without a counter key (a format-1 record read alone): a series continues its own sequence, or (yearly series) the
    /// sequence of the document's year, or starts a new year at 1.
    /// </summary>
    private string? InspectSequenceWithoutCounter(IssuedInvoice issued)
    {
        var hasYear = _lastBySeriesYear.TryGetValue((issued.SeriesId, issued.Document.IssueDate.Year), out var lastOfYear);
        var hasSeries = _lastBySeries.TryGetValue(issued.SeriesId, out var lastOfSeries);
        var follows = (hasYear && issued.Sequence == lastOfYear + 1)
            || (hasSeries && issued.Sequence == lastOfSeries + 1)
            || (!hasYear && issued.Sequence == 1);
        if (follows)
        {
            return null;
        }

        return hasSeries
            ? string.Create(CultureInfo.InvariantCulture, $"its sequence {issued.Sequence} does not follow {(hasYear ? lastOfYear : lastOfSeries)} in series '{issued.SeriesId}' (gap or duplicate)")
            : string.Create(CultureInfo.InvariantCulture, $"series '{issued.SeriesId}' starts at sequence {issued.Sequence}, not 1 (documents are missing)");
    }

    private void Remember(IssuedInvoice issued, string? counterKey)
    {
        if (counterKey is not null)
        {
            _counters[counterKey] = (issued.Sequence, issued.Document.IssueDate, issued.Number);
        }

        _lastBySeries[issued.SeriesId] = issued.Sequence;
        _lastBySeriesYear[(issued.SeriesId, issued.Document.IssueDate.Year)] = issued.Sequence;
    }
}
