namespace Invoicing.Crm.Csv;

/// <summary>
/// What reading a customers file and a lines file gave: the source to sync, and every bad row. With errors the source
/// is null, unless the good rows were asked for (<c>skipInvalid</c>): then it holds the good rows only, and a deal with
/// one bad line is left out whole (an invoice missing a line would be worse than no invoice).
/// </summary>
public sealed record CsvImportResult
{
    /// <summary>The source, or null when a file has errors and the good rows were not asked for.</summary>
    public CsvCrmSource? Source { get; init; }

    /// <summary>Every bad row, by file then line.</summary>
    public required IReadOnlyList<CsvRowError> Errors { get; init; }

    /// <summary>Deal ids left out because one of their rows is bad.</summary>
    public IReadOnlyList<string> SkippedDeals { get; init => field = value ?? []; } = [];
}
