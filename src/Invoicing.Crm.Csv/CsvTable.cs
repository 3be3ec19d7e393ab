using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Invoicing.Crm.Csv;

/// <summary>
/// A CSV file read as a header and rows with their line numbers, through CsvHelper's parser: quoted fields (with
/// separators, quotes and line breaks inside), a UTF-8 byte order mark, and the separator, <c>;</c> or <c>,</c>,
/// detected from the header line (the one more frequent outside quotes; <c>;</c> when tied, as French spreadsheets write it).
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, List<CsvTableRow> rows, List<CsvRowError> errors)
    {
        File = file;
        _columns = columns;
        Rows = rows;
        Errors = errors;
    }

    public string File { get; }

    public IReadOnlyList<CsvTableRow> Rows { get; }

    /// <summary>Rows the parser could not read (a stray quote), and the header's problems.</summary>
    public List<CsvRowError> Errors { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public static CsvTable Read(TextReader reader, string file, IReadOnlyList<string> requiredColumns)
    {
        var text = reader.ReadToEnd();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var errors = new List<CsvRowError>();
        var rows = new List<CsvTableRow>();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var badLines = new HashSet<int>();
        var rawRowBefore = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = DetectDelimiter(text),
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            BadDataFound = args =>
            {
                var line = rawRowBefore + 1;
                if (badLines.Add(line))
                {
                    errors.Add(new CsvRowError(file, line, null, "The row has a quote in the wrong place: a quoted field starts and ends with \" and doubles the quotes inside."));
                }
            },
        };
        using var parser = new CsvParser(new StringReader(text), config);
        var header = true;
        while (parser.Read())
        {
            var line = rawRowBefore + 1;
            var fields = parser.Record ?? [];
            rawRowBefore = parser.RawRow;
            if (header)
            {
                header = false;
                for (var i = 0; i < fields.Length; i++)
                {
                    var name = fields[i].Trim();
                    if (name.Length > 0 && !columns.TryAdd(name, i))
                    {
                        errors.Add(new CsvRowError(file, 1, name, "The column appears twice in the header."));
                    }
                }

                foreach (var required in requiredColumns.Where(c => !columns.ContainsKey(c)))
                {
                    errors.Add(new CsvRowError(file, 1, required, $"The header has no '{required}' column (found: {string.Join(", ", columns.Keys)})."));
                }

                continue;
            }

            if (badLines.Contains(line))
            {
                continue;
            }

            rows.Add(new CsvTableRow(line, fields));
        }

        if (header)
        {
            errors.Add(new CsvRowError(file, 1, null, "The file is empty: it needs a header line naming its columns."));
        }

        return new CsvTable(file, columns, rows, errors);
    }

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="row"/>, null when blank or the column is absent.</summary>
    public string? Value(CsvTableRow row, string column) =>
        _columns.TryGetValue(column, out var index) && index < row.Fields.Length && !string.IsNullOrWhiteSpace(row.Fields[index])
            ? row.Fields[index].Trim()
            : null;

    private static string DetectDelimiter(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return commas > semicolons ? "," : ";";
    }
}

/// <summary>A data row with the line it starts on.</summary>
internal sealed record CsvTableRow(int Line, string[] Fields);
