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
    [InlineData("eu-intra-community-k.json", "3cdfa3f79837b27462e9d1413e82ff0a47c1770e65f5b69d9223b6e3133397e6")]
    [InlineData("export-g.json", "a9c80ca7d3a38d543718026597345016af8b3896a50519e60c91a89b58867fa8")]
    [InlineData("fr-allowances-charges.json", "d7a45c85a09270ed89e9cb08ce13d624a57b683272aa1349762d704361ebec80")]
    [InlineData("fr-credit-note-381.json", "fbbb97c4a96caf4c6474959c4200cc2c59078dd1e52d308a04230cdc23fa6d95")]
    [InlineData("fr-domestic.json", "385bb5832f3aeee0f73f1dd92a68b3654288a68a2f5c56153b5520b5416e4087")]
    [InlineData("fr-franchise-e.json", "0e95a4f89e7b5edd764b026a667b06a4d08e7a934fb4a308fb73850ce80a2ac0")]
    [InlineData("fr-reverse-charge-ae.json", "ff823b0e0e5e100d186ccb1eaef03caf18b373d0acf7d1c872cedfbe02559223")]
    [InlineData("peppol-be-domestic.json", "a6bf8a0b29ac3f1adb8709ac371626442e78c2df62557bb0bbab9e39d0011f06")]
    [InlineData("peppol-ch-tax-representative.json", "6de3c940883c7b3251d1270d7ba5b00e3c6e15f5b02e6e24af635b3c57a6617c")]
    public void FacturXPdf_EachSample_GivesThePinnedBytes(string sample, string sha256) =>
        Assert.Equal(sha256, Sha256(FacturXPdf.ToBytes(Sample(sample), FacturXProfile.En16931)));

    [Fact]
    public void FacturXPdf_MinimumProfile_GivesThePinnedBytes() =>
        Assert.Equal("4bd02e46772b7cd8f4442c900f65f8a1b0aca9593875bf3701e2d078fdadda98", Sha256(FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.Minimum)));

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

    private static Invoice Sample(string name)
    {
        var invoice = InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample(name)));
        return invoice.Number is null ? invoice with { Number = "F2026-00042" } : invoice;
    }

    private static string Sha256(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));
}
