namespace Invoicing.Crm.Csv;

/// <summary>A bad row of an imported file: the file, the line (1 is the header), the column and what is wrong, in the user's words.</summary>
/// <param name="File">The file's name as given.</param>
/// <param name="Line">The line number in the file, the header being line 1.</param>
/// <param name="Field">The column name, or null when the row itself is unreadable.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CsvRowError(string File, int Line, string? Field, string Message)
{
    /// <summary>The error as one line: <c>customers.csv:4: siren: ...</c>.</summary>
    public override string ToString() => Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}
