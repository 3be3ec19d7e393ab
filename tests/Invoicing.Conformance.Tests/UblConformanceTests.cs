using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.Conformance.Tests;

/// <summary>Every UBL file of the corpus is read, recomputed to the cent, and survives a write and a second read.</summary>
public sealed class UblConformanceTests
{
    public static TheoryData<string> Files() => UblCorpus.FileData();

    [Fact]
    public void Files_Corpus_HoldsEveryUblFolder()
    {
        var files = UblCorpus.Files().ToList();

        Assert.Contains(files, f => f.StartsWith("en16931/ubl-examples/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("peppol/national/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("xrechnung-business-cases/", StringComparison.Ordinal));
        Assert.True(files.Count >= 45, $"only {files.Count} UBL files found");
    }

    public static TheoryData<string> ConsistentFiles() => UblCorpus.ConsistentFileData();

    public static TheoryData<string> InconsistentFiles() => UblCorpus.InconsistentFileData();

    [Theory]
    [MemberData(nameof(ConsistentFiles))]
    public void Read_CorpusFile_RecomputedTotalsMatchStatedToTheCent(string file)
    {
        var document = UblCorpus.Read(file);

        var computed = InvoiceCalculator.Calculate(document.Invoice);

        Assert.Equal(EInvoiceSyntax.Ubl, document.Syntax);
        var differences = UblCorpus.Differences(computed, document.StatedTotals);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_CorpusFileReadBack_GivesEqualModelAndTotals(string file)
    {
        var first = UblCorpus.Read(file);

        var bytes = UblWriter.Write(first.Invoice);
        var second = UblReader.Read(bytes);

        Assert.True(first.Invoice == second.Invoice, UblCorpus.ModelDifferences(first.Invoice, second.Invoice));
        var differences = UblCorpus.Differences(InvoiceCalculator.Calculate(first.Invoice), second.StatedTotals);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(bytes, UblWriter.Write(second.Invoice));
    }

    [Theory]
    [MemberData(nameof(InconsistentFiles))]
    public void Read_FileWithLineNetNotQuantityTimesPrice_DiffersOnlyThereAndTotalsFollowStatedLineNets(string file)
    {
        var document = UblCorpus.Read(file);
        var invoice = document.Invoice;
        var stated = document.StatedTotals;
        var computed = InvoiceCalculator.Calculate(invoice);
        var wrongLines = Enumerable.Range(0, invoice.Lines.Count).Where(i => computed.LineNetAmounts[i] != stated.LineNetAmounts[i]).ToList();

        // Each line stated as one unit at the price that gives its stated net: every other amount must then agree.
        var restated = invoice with
        {
            Lines = invoice.Lines.Select((line, i) => line with
            {
                Quantity = 1m,
                BaseQuantity = null,
                NetPrice = stated.LineNetAmounts[i]
                    - line.AllowancesCharges.Where(a => a.IsCharge).Sum(a => a.Amount)
                    + line.AllowancesCharges.Where(a => !a.IsCharge).Sum(a => a.Amount),
            }).ToValueList(),
        };

        Assert.NotEmpty(wrongLines);
        var differences = UblCorpus.Differences(InvoiceCalculator.Calculate(restated), stated);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
