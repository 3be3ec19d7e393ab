using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using NodaTime;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// Reading many UBL lines: element paths are built only for the value that fails, and still name the right line.
/// </summary>
public sealed class UblReaderManyLinesReadTests
{
    private static readonly byte[] ThousandLines = UblWriter.Write(CiiSamples.WithLines(1000) with
    {
        Lines = CiiSamples.WithLines(1000).Lines
            .Select((l, i) => i == 699 ? l with { Period = new InvoicePeriod { Start = new LocalDate(2026, 2, 1), End = new LocalDate(2026, 2, 28) } } : l)
            .ToValueList(),
    });

    [Fact]
    public void Read_ThousandLines_ReadsEveryLineAndItsPeriod()
    {
        var document = UblReader.Read(ThousandLines);

        Assert.Equal(1000, document.Invoice.Lines.Count);
        Assert.Equal(new LocalDate(2026, 2, 28), document.Invoice.Lines[699].Period!.End);
        Assert.Equal(InvoiceCalculator.Calculate(document.Invoice).AmountDue, document.StatedTotals.AmountDue);
    }

    [Fact]
    public void Read_BadQuantityOnLine700_NamesThatLine()
    {
        var bytes = Edit(ThousandLines, root => root.Elements(Cac + "InvoiceLine").ElementAt(699).Element(Cbc + "InvoicedQuantity")!.Value = "7,5");

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Equal("/Invoice/InvoiceLine[700]/InvoicedQuantity", error.Path);
        Assert.Contains("XML-NUMBER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadPeriodDateOnLine700_NamesThatLine()
    {
        var bytes = Edit(ThousandLines, root => root.Elements(Cac + "InvoiceLine").ElementAt(699).Element(Cac + "InvoicePeriod")!.Element(Cbc + "EndDate")!.Value = "2026-02-30");

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Equal("/Invoice/InvoiceLine[700]/InvoicePeriod/EndDate", error.Path);
        Assert.Contains("XML-DATE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadIssueDate_StillNamesTheHeaderElement()
    {
        var bytes = Edit(ThousandLines, root => root.Element(Cbc + "IssueDate")!.Value = "15/03/2026");

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Equal("/Invoice/IssueDate", error.Path);
    }
}
