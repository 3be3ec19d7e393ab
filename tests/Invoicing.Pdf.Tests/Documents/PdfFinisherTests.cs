using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf.Documents;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>Each rewrite of <c>PdfFinisher</c>, checked on the finished bytes of real documents, and its refusals of a file it does not expect.</summary>
public sealed partial class PdfFinisherTests
{
    public static TheoryData<string> Documents => SavedDocuments.Names;

    [Fact]
    public void SavedDocuments_Finished_AreTheBytesThePublicApiWrites()
    {
        Assert.Equal(InvoicePdf.ToBytes(TestInvoices.Sample()), SavedDocuments.Named("plain").Finish());
        Assert.Equal(FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931), SavedDocuments.Named("facturx").Finish());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_SameDocumentSavedTwice_GivesTheSameSubsetTags(string document)
    {
        var first = SavedDocuments.Named(document);
        var second = SavedDocuments.Named(document);

        Assert.NotEqual(Tags(first.Pdf), Tags(second.Pdf));
        var tags = Tags(first.Finish());
        Assert.Equal(tags, Tags(second.Finish()));
        Assert.Equal(2, tags.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tags, t => Assert.Matches("^[A-Z]{6}$", t));
    }

    [Fact]
    public void Finish_AnotherDocument_GetsOtherSubsetTags()
    {
        var first = Tags(SavedDocuments.Invoice(TestInvoices.Sample()).Finish());
        var second = Tags(SavedDocuments.Invoice(TestInvoices.Sample() with { Number = "F2026-00043" }).Finish());

        Assert.NotEqual(first.Distinct(StringComparer.Ordinal), second.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public void Finish_SellerNamedLikeASubsetTag_KeepsTheNameInTheInformationDictionary()
    {
        var sample = TestInvoices.Sample();
        var invoice = sample with { Seller = sample.Seller with { Name = "Atelier /ABCDEF+Lumiere" } };

        using var document = UglyToad.PdfPig.PdfDocument.Open(InvoicePdf.ToBytes(invoice));
        Assert.Equal("Atelier /ABCDEF+Lumiere", document.Information.Author);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_FileIdentifier_IsTheFirstHalfOfTheSha256OfTheIdentity(string document)
    {
        var saved = SavedDocuments.Named(document);
        var id = Convert.ToHexString(SHA256.HashData(saved.Identity)[..16]);

        var trailer = PdfStructure.Trailer(saved.Finish());
        Assert.StartsWith($"trailer\n<</ID[<{id}><{id}>]/Info 1 0 R/Root ", trailer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_EveryStream_IsFlateCompressedOnceAndInflatesToWhatPdfSharpSaved(string document)
    {
        var saved = SavedDocuments.Named(document);
        var finished = saved.Finish();
        var metadata = int.Parse(Regex.Match(PdfStructure.Object(finished, 2).Dictionary, @"/Metadata (\d+) 0 R").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var before = PdfStructure.Objects(saved.Pdf).Where(o => o.IsStream && o.Number != metadata).ToList();
        Assert.NotEmpty(before);
        foreach (var original in before)
        {
            var stream = PdfStructure.Object(finished, original.Number);
            Assert.Contains("/Filter/FlateDecode", stream.Dictionary, StringComparison.Ordinal);
            Assert.Equal(1, Regex.Count(stream.Dictionary, "/Filter"));
            Assert.True(PdfStructure.EndsWithChecksum(stream.Data!), $"object {stream.Number} lacks the end of its zlib data");
            var content = original.Dictionary.Contains("/Filter", StringComparison.Ordinal) ? PdfStructure.Inflate(original.Data!) : original.Data!;
            Assert.Equal(content, PdfStructure.Inflate(stream.Data!));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_MetadataObject_CarriesOurXmpUncompressed(string document)
    {
        var saved = SavedDocuments.Named(document);
        var finished = saved.Finish();

        var number = int.Parse(Regex.Match(PdfStructure.Object(finished, 2).Dictionary, @"/Metadata (\d+) 0 R").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var xmp = PdfStructure.Object(finished, number);
        Assert.Equal($"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {saved.Xmp.Length}>>", xmp.Dictionary);
        Assert.Equal(saved.Xmp, xmp.Data);
        Assert.DoesNotContain("uuid:", PdfStructure.Text(finished), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_CrossReferenceTable_PointsAtEveryObjectAndKeepsNumbersHeaderAndTrailer(string document)
    {
        var saved = SavedDocuments.Named(document);
        var finished = saved.Finish();
        var text = PdfStructure.Text(finished);

        var offsets = PdfStructure.Offsets(finished);
        Assert.Equal(PdfStructure.Offsets(saved.Pdf).Keys, offsets.Keys);
        foreach (var (number, offset) in offsets)
        {
            Assert.StartsWith($"{number} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }

        Assert.Equal(saved.Pdf[..PdfStructure.Offsets(saved.Pdf)[1]], finished[..offsets[1]]);
        Assert.Equal(WithoutId(PdfStructure.Trailer(saved.Pdf)), WithoutId(PdfStructure.Trailer(finished)));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finish_QpdfCheckPasses(string document) => PdfAssert.QpdfCheckPasses(SavedDocuments.Named(document).Finish());

    [Fact]
    public void Finish_ReminderLetter_QpdfCheckPasses() => PdfAssert.QpdfCheckPasses(ReminderPdf.ToBytes(TestLetters.Sample()));

    [Theory]
    [InlineData("header", "%PDF-", "%XDF-", "starts with a %PDF- header")]
    [InlineData("end", "%%EOF\n", "%%EOX\n", "ends with startxref and %%EOF")]
    [InlineData("cross-reference stream", "\nxref\n0 ", "\nXRef\n0 ", "classic cross-reference table")]
    [InlineData("generation", "0000000015 00000 n", "0000000015 00001 n", "generation 0")]
    [InlineData("offset", "0000000015 00000 n", "0000000016 00000 n", "points at \"1 0 obj\"")]
    [InlineData("revision", "/Info 1 0 R", "/Prev 1 0 R", "one revision")]
    [InlineData("identifier", "/ID[", "/IX[", "file identifier /ID")]
    [InlineData("catalog metadata", "/Metadata", "/Metadatx", "catalog's /Metadata")]
    [InlineData("indirect length", "/Length 24529>>", "/Length 9 0 R>>", "direct number")]
    [InlineData("length", "/Length 24529>>", "/Length 24528>>", "length of its data")]
    [InlineData("stream keyword", ">>\nstream\n", ">>\rstream\n", "keyword stream")]
    [InlineData("end of object", ">>\nendobj\n", ">>\nendobx\n", "each ending with endobj")]
    public void Finish_FileBreakingAnAssumption_ThrowsNamingItAndWritesNothing(string change, string from, string to, string assumption)
    {
        var saved = SavedDocuments.Named("plain");
        var altered = Replace(saved.Pdf, from, to);

        using var output = new MemoryStream();
        var exception = Assert.Throws<InvalidOperationException>(() => PdfFinisher.Finish(altered, saved.Identity, saved.Xmp, output));
        Assert.Contains(assumption, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("The PDF was not written", exception.Message, StringComparison.Ordinal);
        Assert.True(output.Length == 0, $"{change}: {output.Length} bytes written");
    }

    /// <summary>The file with the first occurrence of <paramref name="from"/> replaced by a text of the same length, so every offset stays right.</summary>
    private static byte[] Replace(byte[] pdf, string from, string to)
    {
        Assert.Equal(from.Length, to.Length);
        var text = PdfStructure.Text(pdf);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{from}\" is not in the saved file");
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    private static string WithoutId(string trailer) => Regex.Replace(trailer, @"/ID\[[^\]]*\]", string.Empty);

    private static List<string> Tags(byte[] pdf) =>
        TaggedFontName().Matches(PdfStructure.Text(pdf)).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"/(?:BaseFont|FontName)/([A-Z]{6})\+")]
    private static partial Regex TaggedFontName();
}
