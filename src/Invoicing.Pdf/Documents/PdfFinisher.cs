using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Pdf.Documents;

/// <summary>
/// Rewrites the file PDFsharp saved (read by <see cref="SavedPdf"/>) so that the same document gives the same bytes
/// and its metadata is ours. Objects are copied in file order, keeping their numbers, with these changes:
/// the XMP object is replaced by ours (PDFsharp writes one with random UUIDs and unescaped values); font subset tags
/// (<see cref="SubsetTags"/>) and the file identifier are derived from the document's identity instead of chance;
/// every stream PDFsharp left plain is Flate-compressed here, once (PDFsharp's own compression costs as much again and
/// leaves some streams without their end marker), and a Flate stream that arrives without its end marker (the image
/// data PDFsharp compresses itself) is compressed again. Offsets and the cross-reference table are rebuilt.
/// A file that breaks one of these assumptions throws <see cref="InvalidOperationException"/> naming it; nothing is written.
/// </summary>
internal static class PdfFinisher
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    private static ReadOnlySpan<byte> StreamEnd => "\nendstream\nendobj\n"u8;

    public static void Finish(ReadOnlySpan<byte> pdf, byte[] identity, byte[] xmp, Stream output)
    {
        var saved = SavedPdf.Read(pdf);
        var finished = new List<byte[]>(saved.Objects.Count);
        var tags = new SubsetTags(identity);
        foreach (var savedObject in saved.Objects)
        {
            var span = pdf[savedObject.Start..savedObject.End];
            finished.Add(savedObject.Number == saved.Metadata ? MetadataObject(savedObject.Number, xmp) : FinishObject(span, tags));
        }

        output.Write(pdf[..saved.HeaderLength]);
        var offsets = new long[saved.Size];
        long position = saved.HeaderLength;
        for (var i = 0; i < finished.Count; i++)
        {
            offsets[saved.Objects[i].Number] = position;
            output.Write(finished[i]);
            position += finished[i].Length;
        }

        output.Write(Latin1.GetBytes(CrossReferences(offsets, saved.TrailerWithId(FileId(identity)), position)));
    }

    /// <summary>The file identifier: the first 16 bytes of the SHA-256 of the identity, in hex.</summary>
    private static string FileId(byte[] identity) => Convert.ToHexString(SHA256.HashData(identity).AsSpan(0, 16));

    private static byte[] MetadataObject(int number, byte[] xmp)
    {
        var head = Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n"));
        return [.. head, .. xmp, .. StreamEnd];
    }

    /// <summary>One object with its subset tags replaced and, when it is a stream PDFsharp left plain or unterminated, its data compressed.</summary>
    private static byte[] FinishObject(ReadOnlySpan<byte> span, SubsetTags tags)
    {
        var dictionaryEnd = span.IndexOf(">>\nstream\n"u8);
        if (dictionaryEnd >= 0)
        {
            return FinishStream(span, dictionaryEnd + ">>\n".Length, tags);
        }

        SavedPdf.Require(!span.EndsWith("endstream\nendobj\n"u8), "a stream's dictionary ends with >>, a line feed and the keyword stream on its own line");
        var text = Latin1.GetString(span);
        var replaced = tags.Replace(text);
        return ReferenceEquals(text, replaced) ? span.ToArray() : Latin1.GetBytes(replaced);
    }

    /// <param name="span">The object, from <c>N 0 obj</c> to <c>endobj</c>.</param>
    /// <param name="headEnd">Where the keyword <c>stream</c> starts, after the dictionary and its line feed.</param>
    /// <param name="tags">The document's subset tags.</param>
    private static byte[] FinishStream(ReadOnlySpan<byte> span, int headEnd, SubsetTags tags)
    {
        var saved = Latin1.GetString(span[..headEnd]);
        var head = tags.Replace(saved);
        var dataStart = headEnd + "stream\n".Length;
        var length = StreamLength.Find(head).Value;
        SavedPdf.Require(
            dataStart + length + StreamEnd.Length == span.Length && span[(dataStart + length)..].SequenceEqual(StreamEnd),
            "a stream's /Length is the length of its data, which ends with endstream and endobj");
        var data = span.Slice(dataStart, length);

        byte[] compressed;
        if (!saved.Contains("/Filter", StringComparison.Ordinal))
        {
            compressed = FlateData.Compress(data);
            var close = head.LastIndexOf(">>", StringComparison.Ordinal);
            head = string.Concat(head.AsSpan(0, close), "/Filter/FlateDecode", head.AsSpan(close));
        }
        else if (saved.Contains("/FlateDecode", StringComparison.Ordinal) && !FlateData.IsComplete(data, out var plain))
        {
            compressed = FlateData.Compress(plain);
        }
        else
        {
            // Complete Flate data, or another filter (a JPEG logo's DCTDecode): kept as saved.
            return [.. Latin1.GetBytes(head), .. span[headEnd..]];
        }

        head = StreamLength.Find(head).Replace(compressed.Length);
        return [.. Latin1.GetBytes(head), .. "stream\n"u8, .. compressed, .. StreamEnd];
    }

    private static string CrossReferences(long[] offsets, string trailer, long startXref)
    {
        var xref = new StringBuilder(32 + (offsets.Length * 20) + trailer.Length);
        xref.Append("xref\n0 ").Append(offsets.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var offset in offsets)
        {
            xref.Append(offset > 0
                ? offset.ToString("0000000000", CultureInfo.InvariantCulture) + " 00000 n \n"
                : "0000000000 65535 f \n");
        }

        xref.Append(trailer);
        xref.Append("startxref\n").Append(startXref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        return xref.ToString();
    }
}
