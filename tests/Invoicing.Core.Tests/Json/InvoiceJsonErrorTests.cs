using System.Text;

namespace Invoicing.Core.Tests.Json;

/// <summary>Every way the invoice JSON can be wrong gets a message that names the field and says what is wrong, in plain words.</summary>
public sealed class InvoiceJsonErrorTests
{
    private static readonly string Sample = File.ReadAllText(TestPaths.Sample("fr-domestic.json"));

    private static string Mutate(string find, string replace)
    {
        Assert.Contains(find, Sample, StringComparison.Ordinal);
        return Sample.Replace(find, replace, StringComparison.Ordinal);
    }

    private static InvoiceFormatException Refused(string json)
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));
        MessageLeaks.AssertNone(exception.Message);
        return exception;
    }

    [Fact]
    public void Deserialize_TextWhereANumberGoes_NamesTheLineAndTheField()
    {
        var exception = Refused(Mutate("\"quantity\": 4,", "\"quantity\": \"abc\","));
        Assert.StartsWith("Line 1: the field 'quantity' (BT-129) must be a number, got the text \"abc\".", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[0].quantity", exception.Path);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public void Deserialize_NumberTooBigForADecimal_SaysOutOfRange()
    {
        var exception = Refused(Mutate("\"netPrice\": 55,", "\"netPrice\": 1e400,"));
        Assert.StartsWith("Line 2: the field 'netPrice' (BT-146) is out of range", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1e400", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[1].netPrice", exception.Path);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("02/11/2026")]
    [InlineData("")]
    public void Deserialize_InvalidDate_AsksForYyyyMmDd(string date)
    {
        var exception = Refused(Mutate("\"issueDate\": \"2026-11-02\"", $"\"issueDate\": \"{date}\""));
        Assert.StartsWith($"The field 'issueDate' (BT-2) must be a date written YYYY-MM-DD, got the text \"{date}\".", exception.Message, StringComparison.Ordinal);
        Assert.Equal("issueDate", exception.Path);
    }

    [Fact]
    public void Deserialize_DateAsANumber_SaysWhatItGot()
    {
        var exception = Refused(Mutate("\"dueDate\": \"2026-12-02\"", "\"dueDate\": 20261202"));
        Assert.StartsWith("The field 'dueDate' (BT-9) must be a date written YYYY-MM-DD, got the number 20261202.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownCurrency_AsksForAnIsoCode()
    {
        var exception = Refused(Mutate("\"currency\": \"EUR\"", "\"currency\": \"EURO\""));
        Assert.StartsWith("The field 'currency' (BT-5) must be an ISO 4217 currency code such as EUR, got the text \"EURO\".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownFieldInALine_NamesTheFieldAndTheLine()
    {
        var exception = Refused(Mutate("\"quantity\": 2,", "\"quantity\": 2, \"qty\": 2,"));
        Assert.StartsWith("Unknown field 'qty' in line 3", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[2].qty", exception.Path);
    }

    [Fact]
    public void Deserialize_UnknownFieldAtTheTop_NamesIt()
    {
        var exception = Refused("{\"unknownField\": 1}");
        Assert.StartsWith("Unknown field 'unknownField': check its spelling", exception.Message, StringComparison.Ordinal);
        Assert.Equal("unknownField", exception.Path);
    }

    [Fact]
    public void Deserialize_MissingRequiredField_NamesIt()
    {
        var exception = Refused(Mutate("\"quantity\": 4,", string.Empty));
        Assert.StartsWith("Line 1: the field 'quantity' (BT-129) is required but missing.", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[0].quantity", exception.Path);
    }

    [Fact]
    public void Deserialize_NullName_SaysItCannotBeNull()
    {
        var exception = Refused(Mutate("\"name\": \"Atelier Lumière SAS\"", "\"name\": null"));
        Assert.StartsWith("The field 'seller.name' (BT-27) cannot be null", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NullLine_NamesTheLine()
    {
        var exception = Refused(Mutate("\"lines\": [", "\"lines\": [null, "));
        Assert.StartsWith("Line 1 cannot be null", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[0]", exception.Path);
    }

    [Fact]
    public void Deserialize_UnknownEnumName_ListsTheAllowedNames()
    {
        var exception = Refused(Mutate("\"vatDueDateType\": \"InvoiceDate\"", "\"vatDueDateType\": \"Invoice\""));
        Assert.StartsWith("The field 'vatDueDateType' (BT-8) must be one of InvoiceDate, DeliveryDate, PaymentDate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_VatCategoryAsANumber_ListsTheCodes()
    {
        var exception = Refused(Mutate("\"vatCategory\": \"S\", \"vatRate\": 5.5", "\"vatCategory\": 42, \"vatRate\": 5.5"));
        Assert.StartsWith("Line 3: the field 'vatCategory' (BT-151) must be one of S, Z, E, AE", exception.Message, StringComparison.Ordinal);
        Assert.Contains("got the number 42", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"x\"", "the text \"x\"")]
    [InlineData("380.5", "the number 380.5")]
    [InlineData("99999999999", "the number 99999999999")]
    [InlineData("true", "true")]
    public void Deserialize_DocumentTypeNotAWholeNumber_SaysSo(string value, string got)
    {
        var exception = Refused(Mutate("\"type\": 380", $"\"type\": {value}"));
        Assert.StartsWith($"The field 'type' (BT-3) must be a whole number, got {got}.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ObjectWhereAnArrayGoes_SaysAnArray()
    {
        var exception = Refused("{\"notes\": {\"text\": \"x\"}}");
        Assert.StartsWith("The field 'notes' (BG-1) must be an array [ ... ], got an object.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_TextWhereAPartyGoes_SaysAnObject()
    {
        var exception = Refused(Mutate("\"buyer\": {", "\"buyer\": \"Dupont\", \"payee\": {"));
        Assert.StartsWith("The field 'buyer' (BG-7) must be an object { ... }, got the text \"Dupont\".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NestedListItem_NamesTheLineAndTheItem()
    {
        var exception = Refused(Mutate("\"amount\": 12.50", "\"amount\": \"12,50\""));
        Assert.StartsWith("Line 2: the field 'allowancesCharges[0].amount' (BT-136, BT-141) must be a number, got the text \"12,50\".", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[1].allowancesCharges[0].amount", exception.Path);
    }

    [Theory]
    [InlineData("[1, 2]", "got an array")]
    [InlineData("null", "got null")]
    [InlineData("\"invoice\"", "got the text \"invoice\"")]
    [InlineData("42", "got the number 42")]
    public void Deserialize_NotAnObject_SaysAnObjectIsExpected(string json, string got)
    {
        var exception = Refused(json);
        Assert.Equal($"The JSON must be an object {{ ... }} holding an invoice, {got}.", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    [InlineData("\uFEFF")]
    public void Deserialize_Empty_SaysEmpty(string json)
    {
        var exception = Refused(json);
        Assert.Equal("The text is empty: there is no JSON in it.", exception.Message);
    }

    [Fact]
    public void Deserialize_Truncated_SaysItEndsTooEarlyAndWhere()
    {
        var exception = Refused("{\n  \"issueDate\": \"2026-11-02\",\n  \"seller\": { \"name\": \"A");
        Assert.Equal("The JSON ends too early (line 3, column 25): an object, array or text is not closed.", exception.Message);
    }

    [Theory]
    [InlineData("not json", "unexpected character 'n' at line 1, column 1")]
    [InlineData("{\"issueDate\" \"2026-11-02\"}", "unexpected quote at line 1, column 14")]
    [InlineData("{\"lines\": [1,]}", "unexpected comma (a trailing comma, or a value missing before it) at line 1, column 13")]
    [InlineData("{\n  \"a\": 1,\n  }", "unexpected comma (a trailing comma, or a value missing before it) at line 2, column 9")]
    [InlineData("{'a': 1}", "unexpected character ''' at line 1, column 2")]
    public void Deserialize_BadSyntax_NamesTheCharacterAndWhere(string json, string expected)
    {
        var exception = Refused(json);
        Assert.Equal($"The text is not valid JSON: {expected}.", exception.Message);
    }

    [Fact]
    public void Deserialize_TextAfterTheInvoice_SaysSo()
    {
        var exception = Refused(Sample + "\n}");
        Assert.StartsWith("The text has more after its JSON value ends: unexpected character '}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadEscape_SaysTheTextInQuotesIsBad()
    {
        var exception = Refused("{\"number\": \"F\\u12\"}");
        Assert.StartsWith("The text is not valid JSON: the text in quotes at line 1, column 12 has a bad escape", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HugeNesting_SaysTooDeep()
    {
        var json = "{\"lines\": " + new string('[', 200) + new string(']', 200) + "}";
        var exception = Refused(json);
        Assert.StartsWith("The JSON nests deeper than 64 levels", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Utf16Bytes_SaysUtf8IsExpected()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(bytes));
        MessageLeaks.AssertNone(exception.Message);
        Assert.StartsWith("The text is not saved as UTF-8, which JSON must be", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Latin1Bytes_PointsAtTheFirstBadByte()
    {
        var bytes = Encoding.Latin1.GetBytes("{\n \"number\": \"é\"}");
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(bytes));
        Assert.Equal("The text is not saved as UTF-8, which JSON must be (the first byte that is not UTF-8 is at line 2, column 13).", exception.Message);
    }

    [Fact]
    public async Task DeserializeAsync_BadStream_GivesTheSameMessage()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Mutate("\"quantity\": 4,", "\"quantity\": \"abc\",")));
        var exception = await Assert.ThrowsAsync<InvoiceFormatException>(() => InvoiceJson.DeserializeAsync(stream, CancellationToken.None));
        Assert.StartsWith("Line 1: the field 'quantity' (BT-129) must be a number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeIssued_WrongKind_NamesTheField()
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.DeserializeIssued("{\"sequence\": \"one\"}"));
        MessageLeaks.AssertNone(exception.Message);
        Assert.Contains("'sequence'", exception.Message, StringComparison.Ordinal);
    }
}
