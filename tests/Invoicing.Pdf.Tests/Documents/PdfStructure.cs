using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>
/// Reads the structure of a PDF as bytes, independently of the finisher: the cross-reference table, the trailer, and
/// each object's dictionary and stream data. Enough for the files PDFsharp and the finisher write, no more.
/// </summary>
internal static partial class PdfStructure
{
    public static string Text(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    public static int StartXref(byte[] pdf)
    {
        var match = StartXrefPattern().Match(Text(pdf));
        Assert.True(match.Success, "the file does not end with startxref, an offset and %%EOF");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The in-use entries of the cross-reference table: object number to offset.</summary>
    public static SortedDictionary<int, int> Offsets(byte[] pdf)
    {
        var text = Text(pdf);
        var table = XrefPattern().Match(text, StartXref(pdf));
        Assert.True(table.Success && table.Index == StartXref(pdf), "startxref does not point at a classic cross-reference table");
        var offsets = new SortedDictionary<int, int>();
        var entries = table.Groups["entry"].Captures;
        Assert.Equal(int.Parse(table.Groups["size"].Value, CultureInfo.InvariantCulture), entries.Count);
        for (var number = 0; number < entries.Count; number++)
        {
            if (entries[number].Value.EndsWith(" n \n", StringComparison.Ordinal))
            {
                offsets[number] = int.Parse(entries[number].Value[..10], CultureInfo.InvariantCulture);
            }
        }

        return offsets;
    }

    public static string Trailer(byte[] pdf)
    {
        var text = Text(pdf);
        var start = text.IndexOf("trailer\n", StartXref(pdf), StringComparison.Ordinal);
        return text[start..text.LastIndexOf("startxref", StringComparison.Ordinal)];
    }

    public static IEnumerable<PdfObjectBytes> Objects(byte[] pdf) => Offsets(pdf).Keys.Select(n => Object(pdf, n));

    public static PdfObjectBytes Object(byte[] pdf, int number)
    {
        var text = Text(pdf);
        var offset = Offsets(pdf)[number];
        var end = text.IndexOf("endobj\n", offset, StringComparison.Ordinal);
        var stream = text.IndexOf(">>\nstream\n", offset, StringComparison.Ordinal);
        if (stream < 0 || stream > end)
        {
            return new PdfObjectBytes(number, offset, text[offset..end], null);
        }

        var dictionary = text[offset..(stream + 2)];
        var length = int.Parse(LengthPattern().Match(dictionary).Groups[1].Value, CultureInfo.InvariantCulture);
        var dataStart = stream + ">>\nstream\n".Length;
        Assert.Equal("\nendstream\nendobj\n", text.Substring(dataStart + length, "\nendstream\nendobj\n".Length));
        return new PdfObjectBytes(number, offset, dictionary, pdf.AsSpan(dataStart, length).ToArray());
    }

    /// <summary>Inflates zlib data as far as it goes (PDFsharp's image data lacks its end).</summary>
    public static byte[] Inflate(byte[] data)
    {
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        try
        {
            zlib.CopyTo(plain);
        }
        catch (InvalidDataException)
        {
            // Truncated data: what was inflated so far is the answer.
        }

        return plain.ToArray();
    }

    /// <summary>Whether zlib data ends with the Adler-32 checksum of its content, as a complete zlib stream does.</summary>
    public static bool EndsWithChecksum(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var value in Inflate(data))
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        return data.Length >= 6 && data.AsSpan(data.Length - 4).SequenceEqual(new[] { (byte)(b >> 8), (byte)(b & 0xFF), (byte)(a >> 8), (byte)(a & 0xFF) });
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"\Gxref\n0 (?<size>\d+)\n(?<entry>\d{10} \d{5} [nf] \n)*trailer\n")]
    private static partial Regex XrefPattern();

    [GeneratedRegex(@"/Length (\d+)[/>]")]
    private static partial Regex LengthPattern();
}

/// <summary>One object: where it starts, its dictionary (up to the closing <c>&gt;&gt;</c> of a stream's), its stream data.</summary>
internal sealed record PdfObjectBytes(int Number, int Offset, string Dictionary, byte[]? Data)
{
    public bool IsStream => Data is not null;
}
