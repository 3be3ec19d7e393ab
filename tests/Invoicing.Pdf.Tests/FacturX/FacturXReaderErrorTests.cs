using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.Pdf.FacturX;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Tests.FacturX;

/// <summary>A broken Factur-X PDF gets a message naming the part of the file and what is wrong, never the PDF library's text.</summary>
public sealed class FacturXReaderErrorTests
{
    private static readonly Lazy<byte[]> Valid = new(() => FacturXPdf.ToBytes(TestInvoices.Sample(), EInvoicing.FacturXProfile.En16931));

    private static InvoiceFormatException Refused(byte[] pdf)
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => FacturXReader.Read(pdf));
        MessageLeaks.AssertNone(exception.Message);
        return exception;
    }

    /// <summary>A one-page PDF/A-3 carrying <paramref name="content"/> as <paramref name="name"/>.</summary>
    private static byte[] WithAttachment(byte[] content, string name = "factur-x.xml")
    {
        using var document = new PdfDocument();
        document.AddPage();
        PdfA3Embedder.Embed(document, content, name, "Data", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    [Fact]
    public void Read_Empty_SaysEmpty() =>
        Assert.Equal("The file is empty: there is no PDF in it. (at pdf)", Refused([]).Message);

    [Theory]
    [InlineData("hello")]
    [InlineData("<?xml version=\"1.0\"?><Invoice/>")]
    public void Read_NotAPdf_SaysItDoesNotStartWithThePdfHeader(string text) =>
        Assert.Equal("The file is not a PDF (it does not start with %PDF-). (at pdf)", Refused(Encoding.UTF8.GetBytes(text)).Message);

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void Read_CutOff_SaysTheFileIsIncomplete(int fraction)
    {
        var pdf = Valid.Value;
        var exception = Refused(pdf[..(pdf.Length / fraction)]);
        Assert.Equal("The PDF is cut off: it does not end with %%EOF, the file may be incomplete. (at pdf)", exception.Message);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public void Read_BrokenCrossReference_SaysTheCrossReferenceIsDamaged()
    {
        var text = Encoding.Latin1.GetString(Valid.Value);
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var broken = string.Concat(text.AsSpan(0, startxref), "startxref\n-14\n%%EOF\n");
        var exception = Refused(Encoding.Latin1.GetBytes(broken));
        Assert.Equal("The PDF is damaged: its cross-reference table or one of its objects cannot be read. (at pdf)", exception.Message);
    }

    [Fact]
    public void Read_Encrypted_SaysItIsPasswordProtected()
    {
        using var document = new PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "secret";
        document.SecuritySettings.OwnerPassword = "owner";
        using var output = new MemoryStream();
        document.Save(output);

        var exception = Refused(output.ToArray());
        Assert.Equal("The PDF is encrypted (password protected): an e-invoice PDF must not be. (at pdf)", exception.Message);
    }

    [Fact]
    public void Read_AttachmentNotXml_NamesTheEmbeddedFile()
    {
        var exception = Refused(WithAttachment("not xml at all"u8.ToArray()));
        Assert.StartsWith("In the PDF's embedded file factur-x.xml: The input is not XML", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AttachmentCutOff_NamesTheEmbeddedFileAndTheElement()
    {
        var xml = Encoding.UTF8.GetString(FacturXReader.ExtractXml(Valid.Value).Xml);
        var exception = Refused(WithAttachment(Encoding.UTF8.GetBytes(xml[..(xml.Length / 2)])));
        Assert.StartsWith("In the PDF's embedded file factur-x.xml: The XML ends too early: the element /CrossIndustryInvoice/", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AttachmentOtherXml_SaysItIsNeitherCiiNorUbl()
    {
        var exception = Refused(WithAttachment("<order xmlns=\"urn:example\"/>"u8.ToArray()));
        Assert.StartsWith("In the PDF's embedded file factur-x.xml: The file is neither a CII invoice", exception.Message, StringComparison.Ordinal);
        Assert.Equal("/order", exception.Path);
    }

    [Fact]
    public void Read_OnlyANonXmlAttachment_ListsWhatItFound()
    {
        var exception = Refused(WithAttachment("%PDF"u8.ToArray(), "terms.pdf"));
        Assert.Equal("The PDF embeds no XML file (found: terms.pdf). (at /Root/Names/EmbeddedFiles)", exception.Message);
    }

    [Fact]
    public void Read_PlainPdf_SaysItIsNotFacturX() =>
        Assert.StartsWith("The PDF has no embedded files: it is not a Factur-X or ZUGFeRD invoice.", Refused(InvoicePdf.ToBytes(TestInvoices.Sample())).Message, StringComparison.Ordinal);

    [Property(MaxTest = 150)]
    public Property Read_TruncatedAnywhere_ReadsOrExplains(NonNegativeInt cut)
    {
        var pdf = Valid.Value;
        var length = cut.Get % (pdf.Length + 1);
        return ReadsOrExplains(pdf[..length]).Label("cut at " + length);
    }

    [Property(MaxTest = 300)]
    public Property Read_AnyByteChanged_ReadsOrExplains(NonNegativeInt position, byte value)
    {
        var mutated = (byte[])Valid.Value.Clone();
        mutated[position.Get % mutated.Length] = value;
        return ReadsOrExplains(mutated).Label($"byte {position.Get % mutated.Length} set to {value}");
    }

    [Property(MaxTest = 100)]
    public Property Read_RandomBytesAfterTheHeader_ReadsOrExplains(byte[] bytes) =>
        ReadsOrExplains([.. "%PDF-1.7\n"u8, .. bytes]).ToProperty();

    private static bool ReadsOrExplains(byte[] pdf)
    {
        try
        {
            FacturXReader.Read(pdf);
            return true;
        }
        catch (InvoiceFormatException exception)
        {
            return MessageLeaks.IsClean(exception.Message) && exception.Message.Length < 400;
        }
    }
}
