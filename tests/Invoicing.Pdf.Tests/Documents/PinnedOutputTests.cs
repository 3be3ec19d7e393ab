using System.Security.Cryptography;
using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>
/// The exact bytes of finished documents, pinned by their SHA-256 so that a change to the finisher that should not
/// change the output is seen to change nothing. A new PDFsharp, a new .NET (its zlib and the runtime named in
/// PDFsharp's trailer comment) or a change to the layout changes these values on purpose: check the documents
/// (the other tests, qpdf, a look at the pages), then pin the new values.
/// </summary>
public sealed class PinnedOutputTests
{
    [Theory]
    [InlineData("eu-intra-community-k.json", "fffb762104eb763d5790b26750808c17b4c04a5f5602625bbf6dfa3299990873")]
    [InlineData("export-g.json", "4175f8dba94dc19a03ec5a7c82585d3fc602d63afe7dd5a7c9fc0b556c9f609c")]
    [InlineData("fr-allowances-charges.json", "a78d4b101a32741980b4920431e9ba48eb28dadd9c972396c12afa5d39bc4696")]
    [InlineData("fr-credit-note-381.json", "c2f8cd77e8238dab406ec5b4241107bfe39f1b9a902d12d07e22e05bc637a090")]
    [InlineData("fr-domestic.json", "31e77769e806b41f98953d097d7ab248608e6bd25c2bc6a3f32d53f8649f9e68")]
    [InlineData("fr-franchise-e.json", "601568c43114a75a5f818d43ef9faa3f4315eb36a5b98fb36c3f360a46cfbd5f")]
    [InlineData("fr-reverse-charge-ae.json", "da52161a684827af34ee83f2e4ae576895080fadba9e1ab3d247a87fddeddeb4")]
    [InlineData("peppol-be-domestic.json", "37c44ad47cd1171888c77842df7915f44a67915ba58c7891cc4827c0d769bb0f")]
    [InlineData("peppol-ch-tax-representative.json", "bbbae70ac1fab6f1282e51028ac118203fe6f44e9cae9e3810651a7ae578843b")]
    public void InvoicePdf_EachSample_GivesThePinnedBytes(string sample, string sha256) =>
        Assert.Equal(sha256, Sha256(InvoicePdf.ToBytes(Sample(sample))));

    [Theory]
    [InlineData("eu-intra-community-k.json", "d6ca482555be573ea7bea8fc7f5f5195b7c67a282bc7df534f6491a7cdd1a02f")]
    [InlineData("export-g.json", "528ab3dbcc989f8811f969029ad9e51fcf596567ae83b23556e7c8b12e2942ec")]
    [InlineData("fr-allowances-charges.json", "1f37b3279c022bb8568d6db90dbbcde7d493c8734bce1e0d5c7259a196343f55")]
    [InlineData("fr-credit-note-381.json", "5f17f2c4148b53fd9b5308afd3b1521d30bcdf42e9ca012f0be9dbca8fe8b255")]
    [InlineData("fr-domestic.json", "b2f2a1eb7761a36ea28d2ee28da80443b7b4397cba925f9eb31a624d5cc1b18b")]
    [InlineData("fr-franchise-e.json", "f7fc2bbf66af04f55e4fee5dc4af83131834d5d6b2aeef5191e9cb3f13261be7")]
    [InlineData("fr-reverse-charge-ae.json", "b80474d1565f336e3958e82a4d9365333104f41a58814124b8797e9af5fb1c2e")]
    [InlineData("peppol-be-domestic.json", "6b9c4f6b18d12c8b64b46bf2a2369efba9f708c7e392960523701b94368f8d7e")]
    [InlineData("peppol-ch-tax-representative.json", "3de099da3044413fbdbad9b64ef6546fc8010a8f32608b05f4862719fd18cd1a")]
    public void FacturXPdf_EachSample_GivesThePinnedBytes(string sample, string sha256) =>
        Assert.Equal(sha256, Sha256(FacturXPdf.ToBytes(Sample(sample), FacturXProfile.En16931)));

    [Fact]
    public void FacturXPdf_MinimumProfile_GivesThePinnedBytes() =>
        Assert.Equal("ac0f75715b9786789548442b25f45abc11f629b373980bf20328d765c87a4b19", Sha256(FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.Minimum)));

    [Fact]
    public void InvoicePdf_SixtyLinesInEnglish_GivesThePinnedBytes() =>
        Assert.Equal("f2ffaddc9d996afd28739512929f3815e25b2f36601b6c496ecadacec13381bb", Sha256(InvoicePdf.ToBytes(TestInvoices.WithLines(60), new PdfRenderOptions { Language = PdfLanguage.English })));

    /// <summary>The PNG logo arrives from PDFsharp as a Flate stream without its end marker: the path that recompresses it.</summary>
    [Fact]
    public void InvoicePdf_PngLogoAndBrandColour_GivesThePinnedBytes() =>
        Assert.Equal("954c3cffa8a699b7b861b0618b6d1cd2c61fbfd96e534025de162640707dd195", Sha256(InvoicePdf.ToBytes(TestInvoices.Sample(), new PdfRenderOptions { Logo = TestImages.RgbPng(120, 40), BrandColor = "#8A1538" })));

    [Fact]
    public void ReminderPdf_Letter_GivesThePinnedBytes() =>
        Assert.Equal("4ff9a839a0f106c5c74e0e8edfdc58a905e01127c45ac5248368b5bbf4339c06", Sha256(ReminderPdf.ToBytes(TestLetters.Sample())));

    /// <summary>
    /// The host's culture changes nothing: neither the file identifier's input nor PDFsharp's /CreationDate, which it
    /// wrote in the culture's calendar (year 1448 under ar-SA, 2569 under th-TH).
    /// </summary>
    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void EveryDocument_UnderAnyCurrentCulture_GivesTheSameBytes(string culture)
    {
        var expected = Documents().Select(Sha256).ToList();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Documents().Select(Sha256).ToList());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        static IEnumerable<byte[]> Documents() =>
        [
            InvoicePdf.ToBytes(TestInvoices.Sample()),
            FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931),
            ReminderPdf.ToBytes(TestLetters.Sample()),
        ];
    }

    private static Invoice Sample(string name)
    {
        var invoice = InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample(name)));
        return invoice.Number is null ? invoice with { Number = "F2026-00042" } : invoice;
    }

    private static string Sha256(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));
}
