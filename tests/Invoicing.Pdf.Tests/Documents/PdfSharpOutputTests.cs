using System.Text.RegularExpressions;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>
/// What PDFsharp 6.2.4 writes when it saves our documents, as <c>PdfFinisher</c> relies on it: each test names one
/// assumption and fails when a PDFsharp update changes what it writes (see docs/pdf.md, "The finisher").
/// </summary>
public sealed partial class PdfSharpOutputTests
{
    public static TheoryData<string> Documents => SavedDocuments.Names;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_StartsWithTheVersionAndABinaryCommentThenObjectOne(string document)
    {
        var pdf = SavedDocuments.Named(document).Pdf;
        var header = PdfStructure.Text(pdf)[..23];

        Assert.StartsWith("%PDF-1.7\n%", header, StringComparison.Ordinal);
        Assert.All(header[10..14], c => Assert.True(c >= 128, "the comment line has four bytes above 127"));
        Assert.Equal("\n1 0 obj\n", header[14..]);
        Assert.Equal(15, PdfStructure.Offsets(pdf)[1]);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_WritesOneClassicCrossReferenceTable_NotAStreamAndNoObjectStream(string document)
    {
        var pdf = SavedDocuments.Named(document).Pdf;
        var text = PdfStructure.Text(pdf);
        var offsets = PdfStructure.Offsets(pdf);

        Assert.Equal(1, Regex.Count(text, "startxref"));
        Assert.Equal(1, Regex.Count(text, "\nxref\n"));
        Assert.StartsWith("xref\n0 ", text[PdfStructure.StartXref(pdf)..], StringComparison.Ordinal);
        Assert.Contains("xref\n0 " + (offsets.Count + 1) + "\n0000000000 65535 f \n", text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, offsets.Count), offsets.Keys);
        foreach (var marker in new[] { "/XRefStm", "/Prev", "/Type/XRef", "/Type/ObjStm" })
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_PutsEveryObjectWhereTheTableSays_OneAfterAnotherWithGenerationZero(string document)
    {
        var pdf = SavedDocuments.Named(document).Pdf;
        var text = PdfStructure.Text(pdf);
        var offsets = PdfStructure.Offsets(pdf);

        var byPosition = offsets.OrderBy(o => o.Value).ToList();
        for (var i = 0; i < byPosition.Count; i++)
        {
            var (number, offset) = (byPosition[i].Key, byPosition[i].Value);
            Assert.StartsWith($"{number} 0 obj\n", text[offset..], StringComparison.Ordinal);
            var end = i + 1 < byPosition.Count ? byPosition[i + 1].Value : PdfStructure.StartXref(pdf);
            Assert.EndsWith("endobj\n", text[offset..end], StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"\d{10} (?!00000|65535)\d{5} [nf] \n", text);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_WritesTheTrailerWithARandomIdentifierOfTwoEqualHexStrings(string document)
    {
        var first = PdfStructure.Trailer(SavedDocuments.Named(document).Pdf);
        var second = PdfStructure.Trailer(SavedDocuments.Named(document).Pdf);

        var match = TrailerPattern().Match(first);
        Assert.True(match.Success, first);
        Assert.NotEqual(match.Groups["id"].Value, TrailerPattern().Match(second).Groups["id"].Value);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_PointsTheCatalogsMetadataAtItsOwnXmpStream_WithRandomUuids(string document)
    {
        var pdf = SavedDocuments.Named(document).Pdf;
        var root = int.Parse(TrailerPattern().Match(PdfStructure.Trailer(pdf)).Groups["root"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var catalog = PdfStructure.Object(pdf, root);

        var metadata = Regex.Match(catalog.Dictionary, @"/Metadata (\d+) 0 R");
        Assert.True(metadata.Success, catalog.Dictionary);
        var xmp = PdfStructure.Object(pdf, int.Parse(metadata.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("/Type/Metadata/Subtype/XML/Length ", xmp.Dictionary, StringComparison.Ordinal);
        var packet = System.Text.Encoding.UTF8.GetString(xmp.Data!);
        Assert.StartsWith("<?xpacket begin=", packet.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("<xmpMM:DocumentID>uuid:", packet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_WritesRandomSubsetTagsAsSixCapitalsAndAPlus_OnlyInFontNames(string document)
    {
        var first = PdfStructure.Text(SavedDocuments.Named(document).Pdf);
        var second = PdfStructure.Text(SavedDocuments.Named(document).Pdf);

        var names = FontName().Matches(first).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(6, names.Count); // two faces: Type0 /BaseFont, CIDFont /BaseFont, descriptor /FontName
        Assert.All(names, n => Assert.Matches("^[A-Z]{6}\\+Liberation#20Sans(,Bold)?$", n));
        Assert.Equal(2, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(6, Regex.Count(first, "/[A-Z]{6}\\+"));
        Assert.NotEqual(names, FontName().Matches(second).Select(m => m.Groups["name"].Value).ToList());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Save_LeavesEveryStreamButImagesUncompressed_WithADirectLength(string document)
    {
        var pdf = SavedDocuments.Named(document).Pdf;
        var streams = PdfStructure.Objects(pdf).Where(o => o.IsStream).ToList();

        Assert.True(streams.Count >= 6);
        Assert.DoesNotMatch(@"/Length \d+ \d+ R", PdfStructure.Text(pdf));
        foreach (var stream in streams.Where(s => !s.Dictionary.Contains("/Subtype/Image", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("/Filter", stream.Dictionary, StringComparison.Ordinal);
        }
    }

    /// <summary>The one stream PDFsharp still compresses itself, and why the finisher compresses such a stream again.</summary>
    [Fact]
    public void Save_PngLogo_ArrivesAsAFlateStreamWithoutItsEndMarker()
    {
        var pdf = SavedDocuments.Named("logo").Pdf;

        var image = Assert.Single(PdfStructure.Objects(pdf), o => o.Dictionary.Contains("/Subtype/Image", StringComparison.Ordinal));
        Assert.Contains("/Filter/FlateDecode", image.Dictionary, StringComparison.Ordinal);
        Assert.Equal(120 * 40 * 3, PdfStructure.Inflate(image.Data!).Length);
        Assert.False(PdfStructure.EndsWithChecksum(image.Data!));
    }

    [GeneratedRegex(@"^trailer\n<</ID\[<(?<id>[0-9A-F]{32})><\k<id>>\]/Info 1 0 R/Root (?<root>\d+) 0 R/Size \d+>>% Created with PDFsharp 6\.2\.4 [^\n]*\n$")]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"/(?:BaseFont|FontName)/(?<name>[^/\[\]<>()\s]+)")]
    private static partial Regex FontName();
}
