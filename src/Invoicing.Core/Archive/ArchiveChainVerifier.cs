namespace Invoicing.Core;

/// <summary>
/// Walks an archive in chain order (the order of issue) and finds the first broken link. Stores feed it their
/// issued documents one by one, so an archive of any size is checked in constant memory.
/// </summary>
/// <remarks>
/// A link is broken when the stored previous hash is not the hash of the document before it, when the stored
/// hash does not match the document's content, when the stored totals are not the totals of the document, or
/// when a series' sequence skips a number (it may only restart at 1 in a later year, for yearly series).
/// </remarks>
public sealed class ArchiveChainVerifier
{
    private readonly Dictionary<string, long> _lastBySeries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Series, int Year), long> _lastBySeriesYear = [];
    private string _expectedPrevious = ArchiveHash.Genesis;
    private long _checked;

    /// <summary>The first broken link found, or null while the chain holds.</summary>
    public ArchiveVerification? Failure { get; private set; }

    /// <summary>Checks the next document of the chain; returns false once a link is broken (later calls are ignored).</summary>
    public bool Check(IssuedInvoice issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        if (Failure is not null)
        {
            return false;
        }

        var number = issued.Document.Number ?? "(no number)";
        var reason = Inspect(issued);
        if (reason is not null)
        {
            Failure = new ArchiveVerification(_checked + 1, number, reason);
            return false;
        }

        _checked++;
        _expectedPrevious = issued.Hash;
        _lastBySeries[issued.SeriesId] = issued.Sequence;
        _lastBySeriesYear[(issued.SeriesId, issued.Document.IssueDate.Year)] = issued.Sequence;
        return true;
    }

    /// <summary>Records that a document could not even be read; the chain is broken at <paramref name="number"/>.</summary>
    public void Unreadable(string number, string reason)
    {
        Failure ??= new ArchiveVerification(_checked + 1, number, reason);
    }

    /// <summary>The outcome: the first failure, or an intact result with the number of documents checked.</summary>
    public ArchiveVerification Result() => Failure ?? new ArchiveVerification(_checked);

    private string? Inspect(IssuedInvoice issued)
    {
        if (string.IsNullOrEmpty(issued.Document.Number))
        {
            return "the stored document has no number";
        }

        if (!string.Equals(issued.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
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
            return "its content does not match its hash (the document was altered)";
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

        // A series continues its own sequence, or (yearly series) the sequence of the document's year, or starts a new year at 1.
        var hasYear = _lastBySeriesYear.TryGetValue((issued.SeriesId, issued.Document.IssueDate.Year), out var lastOfYear);
        var hasSeries = _lastBySeries.TryGetValue(issued.SeriesId, out var lastOfSeries);
        var follows = (hasYear && issued.Sequence == lastOfYear + 1)
            || (hasSeries && issued.Sequence == lastOfSeries + 1)
            || (!hasYear && issued.Sequence == 1);
        if (!follows)
        {
            return hasSeries
                ? $"its sequence {issued.Sequence} does not follow {(hasYear ? lastOfYear : lastOfSeries)} in series '{issued.SeriesId}' (gap or duplicate)"
                : $"series '{issued.SeriesId}' starts at sequence {issued.Sequence}, not 1 (documents are missing)";
        }

        return null;
    }
}
