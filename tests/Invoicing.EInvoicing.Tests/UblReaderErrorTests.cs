using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using NodaTime;

namespace Invoicing.EInvoicing.Tests;

/// <summary>A damaged UBL file gets a message naming the element or the place in the file, in plain words.</summary>
public sealed class UblReaderErrorTests
{
    private static readonly byte[] Valid = UblWriter.Write(new Invoice
    {
        Number = "F2026-00042",
        IssueDate = new LocalDate(2026, 11, 2),
        Currency = Currency.Eur,
        Seller = new Party { Name = "Atelier Lumière SAS", VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", CountryCode = "FR" } },
        Buyer = new Party { Name = "Boulangerie Dupont", Address = new PostalAddress { City = "Lyon", CountryCode = "FR" } },
        Lines =
        [
            new InvoiceLine { Id = "1", ItemName = "Suspension", Quantity = 4, NetPrice = 189.90m, VatCategory = VatCategory.S, VatRate = 20 },
            new InvoiceLine { Id = "2", ItemName = "Pose", Quantity = 3.5m, UnitCode = "HUR", NetPrice = 55, VatCategory = VatCategory.S, VatRate = 20 },
        ],
    });

    private static readonly string ValidText = Encoding.UTF8.GetString(Valid);

    private static InvoiceFormatException Refused(byte[] xml)
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(xml));
        MessageLeaks.AssertNone(exception.Message);
        return exception;
    }

    private static InvoiceFormatException Refused(string xml) => Refused(Encoding.UTF8.GetBytes(xml));

    private static string Mutate(string find, string replace)
    {
        Assert.Contains(find, ValidText, StringComparison.Ordinal);
        return ValidText.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheValidSample_Reads() => Assert.Equal(2, UblReader.Read(Valid).Invoice.Lines.Count);

    [Fact]
    public void Read_CutOff_SaysItEndsTooEarlyAndNamesTheOpenElement()
    {
        var cut = ValidText[..ValidText.IndexOf("<cbc:Name>Pose", StringComparison.Ordinal)];
        var exception = Refused(cut);
        Assert.StartsWith("The XML ends too early: the element /Invoice/InvoiceLine[2]/Item is not closed, the file may be cut off (XML-WELLFORMED).", exception.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(exception.InnerException);
    }

    [Fact]
    public void Read_MismatchedTag_NamesTheElementItIsIn()
    {
        var exception = Refused(Mutate("<cbc:Name>Pose</cbc:Name>", "<cbc:Name>Pose</cbc:Nom>"));
        Assert.StartsWith("The XML is not well formed inside /Invoice/InvoiceLine[2]/Item/Name: a tag is not closed or misspelt", exception.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(at line \d+, position \d+\)$", exception.Message);
    }

    [Fact]
    public void Read_BareAmpersand_NamesTheElementItIsIn()
    {
        var exception = Refused(Mutate("Boulangerie Dupont", "Boulangerie Dupont & Fils"));
        Assert.StartsWith("The XML is not well formed inside /Invoice/AccountingCustomerParty/Party/", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Read_Empty_SaysEmpty(string xml) =>
        Assert.Equal("The input is empty: there is no XML in it (XML-WELLFORMED).", Refused(xml).Message);

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"issueDate\": \"2026-11-02\"}")]
    [InlineData("<")]
    public void Read_NotXml_SaysSo(string text) =>
        Assert.StartsWith("The input is not XML: no root element could be read (XML-WELLFORMED).", Refused(text).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"foo\"?><Invoice/>")]
    [InlineData("<?xml version=\"2.0\"?><Invoice/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?><Invoice/>")]
    public void Read_BadDeclaration_SaysTheDeclarationIsWrong(string xml) =>
        Assert.StartsWith(
            "The XML declaration (<?xml ...?>) at the top is not valid: its version must be 1.0 and its encoding the one the file is saved in, such as UTF-8 (XML-WELLFORMED).",
            Refused(xml).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Read_TextAfterTheDeclaration_SaysItIsNotXml() =>
        Assert.StartsWith("The input is not XML: no root element could be read (XML-WELLFORMED).", Refused("<?xml version=\"1.0\"?>hello").Message, StringComparison.Ordinal);

    [Fact]
    public void Read_Latin1BytesDeclaredUtf8_SaysACharacterIsNotAllowed()
    {
        var exception = Refused(Encoding.Latin1.GetBytes(ValidText));
        Assert.StartsWith("The XML is not well formed inside /Invoice/AccountingSupplierParty/Party/", exception.Message, StringComparison.Ordinal);
        Assert.Contains("a character is not allowed there", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterTheRoot_SaysWhere()
    {
        var exception = Refused(ValidText + "<Invoice/>");
        Assert.StartsWith("The XML is not well formed after the root element", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuantityNotANumber_NamesTheElement()
    {
        var exception = Refused(Mutate(">3.5</cbc:InvoicedQuantity>", ">3,5</cbc:InvoicedQuantity>"));
        Assert.Equal("'3,5' is not a decimal number (XML-NUMBER). (at /Invoice/InvoiceLine[2]/InvoicedQuantity)", exception.Message);
    }

    [Fact]
    public void Read_NumberTooBigForADecimal_SaysItIsTooLarge()
    {
        var exception = Refused(Mutate(">3.5</cbc:InvoicedQuantity>", ">123456789012345678901234567890</cbc:InvoicedQuantity>"));
        Assert.Equal("'123456789012345678901234567890' is too large: numbers have at most 28 significant digits (XML-NUMBER). (at /Invoice/InvoiceLine[2]/InvoicedQuantity)", exception.Message);
    }

    [Theory]
    [InlineData("2026-13-01", "is not a calendar date")]
    [InlineData("2026-02-30", "is not a calendar date")]
    [InlineData("02/11/2026", "is not a date in format yyyy-MM-dd")]
    public void Read_BadIssueDate_NamesTheElement(string date, string expected)
    {
        var exception = Refused(Mutate("<cbc:IssueDate>2026-11-02</cbc:IssueDate>", $"<cbc:IssueDate>{date}</cbc:IssueDate>"));
        Assert.Equal($"'{date}' {expected} (XML-DATE). (at /Invoice/IssueDate)", exception.Message);
    }

    [Fact]
    public void Read_MissingCurrency_NamesTheElementAndTerm()
    {
        var exception = Refused(Mutate("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", string.Empty));
        Assert.Contains("DocumentCurrencyCode (BT-5)", exception.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Read_TruncatedAnywhere_ReadsOrExplains(NonNegativeInt cut) =>
        ReadsOrExplains(Valid[..(cut.Get % (Valid.Length + 1))]).Label("cut at " + (cut.Get % (Valid.Length + 1)));

    [Property(MaxTest = 500)]
    public Property Read_AnyByteChanged_ReadsOrExplains(NonNegativeInt position, byte value)
    {
        var mutated = (byte[])Valid.Clone();
        mutated[position.Get % mutated.Length] = value;
        return ReadsOrExplains(mutated).Label(Encoding.UTF8.GetString(mutated));
    }

    [Property(MaxTest = 500)]
    public Property Read_AnyElementTextReplaced_ReadsOrExplains(NonNegativeInt which, NonNegativeInt hostile)
    {
        string[] values = ["", "abc", "-1", "1e5", "99999999999999999999999999999999", "2026-13-01", "XXX", "&amp;", "<x/>", "&#0;", "]]>", "\u0001"];
        var starts = new List<int>();
        for (var i = ValidText.IndexOf("\">", StringComparison.Ordinal); i >= 0; i = ValidText.IndexOf('>', i + 1))
        {
            if (i + 1 < ValidText.Length && ValidText[i + 1] != '<' && ValidText[i + 1] != '\n')
            {
                starts.Add(i + 1);
            }
        }

        var start = starts[which.Get % starts.Count];
        var end = ValidText.IndexOf('<', start);
        var xml = string.Concat(ValidText.AsSpan(0, start), values[hostile.Get % values.Length], ValidText.AsSpan(end));
        return ReadsOrExplains(Encoding.UTF8.GetBytes(xml)).Label(xml);
    }

    [Property(MaxTest = 200)]
    public Property Read_RandomBytes_ReadsOrExplains(byte[] bytes) => ReadsOrExplains(bytes).ToProperty();

    private static bool ReadsOrExplains(byte[] xml)
    {
        try
        {
            UblReader.Read(xml);
            return true;
        }
        catch (InvoiceFormatException exception)
        {
            return MessageLeaks.IsClean(exception.Message) && exception.Message.Length < 400;
        }
    }
}
