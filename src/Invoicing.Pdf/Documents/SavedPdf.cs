using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Invoicing.Pdf.Documents;

/// <summary>
/// The file PDFsharp 6.2.4 saves, read as <see cref="PdfFinisher"/> relies on it: a <c>%PDF-</c> header, every object
/// (<c>N 0 obj ... endobj</c>) one after the other, one classic cross-reference table (no cross-reference stream, so
/// no object stream) and a trailer naming the catalog and the file identifier. The catalog points at the XMP
/// object with <c>/Metadata</c>. Anything else is refused with the assumption that failed.
/// </summary>
internal sealed partial class SavedPdf
{
    private const int XrefEntryLength = 20;

    private static readonly Encoding Latin1 = Encoding.Latin1;

    private SavedPdf(int headerLength, SavedObject[] objects, int size, string trailer, int metadata)
    {
        HeaderLength = headerLength;
        Objects = objects;
        Size = size;
        Trailer = trailer;
        Metadata = metadata;
    }

    /// <summary>Bytes before the first object: the version line and the binary comment.</summary>
    public int HeaderLength { get; }

    /// <summary>The objects in file order.</summary>
    public IReadOnlyList<SavedObject> Objects { get; }

    /// <summary>Entries of the cross-reference table, object 0 included.</summary>
    public int Size { get; }

    /// <summary>From the keyword <c>trailer</c> to <c>startxref</c>, as saved.</summary>
    public string Trailer { get; }

    /// <summary>The number of the XMP metadata object.</summary>
    public int Metadata { get; }

    public static SavedPdf Read(ReadOnlySpan<byte> pdf)
    {
        Require(pdf.StartsWith("%PDF-"u8), "the file starts with a %PDF- header");
        var startXref = pdf.LastIndexOf("startxref\n"u8);
        Require(startXref > 0, "the file ends with startxref and %%EOF");
        var xrefOffset = ReadNumber(pdf, startXref + "startxref\n".Length, out var afterOffset);
        Require(pdf[afterOffset..].SequenceEqual("\n%%EOF\n"u8), "the file ends with startxref and %%EOF");
        Require(xrefOffset > 0 && xrefOffset < startXref && pdf[xrefOffset..].StartsWith("xref\n0 "u8), "startxref points at a classic cross-reference table (\"xref\"), not a cross-reference stream");

        var size = ReadNumber(pdf, xrefOffset + "xref\n0 ".Length, out var entriesStart);
        Require(pdf[entriesStart] == '\n', "the cross-reference table has a single section starting at object 0");
        entriesStart++;
        var trailerStart = entriesStart + (Math.Min(size, startXref / XrefEntryLength) * XrefEntryLength);
        Require(size > 0 && trailerStart < startXref && pdf[trailerStart..].StartsWith("trailer"u8), "the cross-reference table has a single section starting at object 0, of 20-byte entries, followed by the trailer");

        var objects = new List<SavedObject>(size);
        for (var number = 0; number < size; number++)
        {
            var entry = pdf.Slice(entriesStart + (number * XrefEntryLength), XrefEntryLength);
            if (entry[17] == 'f')
            {
                continue;
            }

            Require(entry[10..].SequenceEqual(" 00000 n \n"u8), "every object in the cross-reference table is in use with generation 0, or free");
            var offset = ReadNumber(entry, 0, out _);
            Require(offset > 0 && offset < xrefOffset && pdf[offset..].StartsWith(Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n"))), $"the cross-reference table points at \"{number} 0 obj\" for object {number}");
            objects.Add(new SavedObject(number, offset, 0));
        }

        objects.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < objects.Count; i++)
        {
            var end = i + 1 < objects.Count ? objects[i + 1].Start : xrefOffset;
            objects[i] = objects[i] with { End = end };
            Require(pdf[..end].EndsWith("endobj\n"u8), $"objects follow one another, each ending with endobj (object {objects[i].Number})");
        }

        var trailer = Latin1.GetString(pdf[trailerStart..startXref]);
        Require(!trailer.Contains("/Prev", StringComparison.Ordinal) && !trailer.Contains("/XRefStm", StringComparison.Ordinal), "the file has one revision and no cross-reference stream (no /Prev, no /XRefStm in the trailer)");
        Require(IdPattern().IsMatch(trailer), "the trailer has a file identifier /ID");
        var root = Reference(trailer, "Root");
        var catalog = objects.FindIndex(o => o.Number == root);
        Require(catalog >= 0, "the trailer's /Root points at the catalog");
        var metadata = Reference(Latin1.GetString(pdf[objects[catalog].Start..objects[catalog].End]), "Metadata");
        Require(objects.Exists(o => o.Number == metadata), "the catalog's /Metadata points at PDFsharp's XMP object");
        return new SavedPdf(objects.Count > 0 ? objects[0].Start : xrefOffset, [.. objects], size, trailer, metadata);
    }

    /// <summary>The trailer with its file identifier replaced by <paramref name="id"/> (hex) twice.</summary>
    public string TrailerWithId(string id) => IdPattern().Replace(Trailer, $"/ID[<{id}><{id}>]", 1);

    /// <summary>Refuses a file that does not look as the finisher expects, before anything is written.</summary>
    public static void Require(bool holds, string assumption)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"The PDF was not written: the file PDFsharp saved breaks an assumption of the finisher ({assumption}).");
        }
    }

    /// <summary>The object number of the indirect reference <c>/key N 0 R</c> in <paramref name="dictionary"/>.</summary>
    private static int Reference(string dictionary, string key)
    {
        foreach (Match match in ReferencePattern().Matches(dictionary))
        {
            if (match.Groups["key"].ValueSpan.SequenceEqual(key))
            {
                return int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static int ReadNumber(ReadOnlySpan<byte> bytes, int start, out int end)
    {
        long value = 0;
        end = start;
        while (end < bytes.Length && char.IsAsciiDigit((char)bytes[end]) && end - start < 10)
        {
            value = (value * 10) + (bytes[end] - '0');
            end++;
        }

        Require(end > start && value <= int.MaxValue, "numbers in the cross-reference table and after startxref are written in digits");
        return (int)value;
    }

    [GeneratedRegex(@"/(?<key>Root|Metadata)\s*(?<number>\d{1,9})\s+0\s+R")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdPattern();
}

/// <summary>Where object <paramref name="Number"/> lies in the saved file: from its <c>N 0 obj</c> up to the next object.</summary>
internal readonly record struct SavedObject(int Number, int Start, int End);
