using System.Text;
using System.Xml.Linq;
using Invoicing.EInvoicing;

namespace Invoicing.Conformance.Tests;

/// <summary>
/// The CII reader streams: on every CII file of the corpus (every Factur-X profile included) it reads as many lines
/// and VAT breakdown rows as the file holds, and the same document whatever the order of the elements.
/// </summary>
public sealed class CiiStreamingReadTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    public static TheoryData<string> AllCiiFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> Files()
    {
        var root = CiiCorpus.Path(".");
        return Directory.EnumerateFiles(CiiCorpus.Path("en16931/cii-examples"), "*.xml")
            .Concat(Directory.EnumerateFiles(CiiCorpus.Path("facturx-official"), "*.xml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(CiiCorpus.Path("xrechnung-business-cases"), "*_uncefact.xml"))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public void AllCiiFiles_CorpusIsPresent_FindsEveryProfile()
    {
        var files = Files().ToList();

        Assert.True(files.Count >= 80, $"only {files.Count} CII files found");
        Assert.Contains(files, f => f.StartsWith("facturx-official/0._MINIMUM/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("facturx-official/4._EXTENDED/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllCiiFiles))]
    public void Read_CorpusFile_ReadsEveryLineAndVatRow(string file)
    {
        var bytes = File.ReadAllBytes(CiiCorpus.Path(file));
        var tree = XDocument.Load(new MemoryStream(bytes));
        var transaction = tree.Root!.Elements().Single(e => e.Name.LocalName == "SupplyChainTradeTransaction");

        var document = EInvoiceReader.Read(bytes);

        Assert.Equal(EInvoiceSyntax.Cii, document.Syntax);
        Assert.Equal(transaction.Elements(Ram + "IncludedSupplyChainTradeLineItem").Count(), document.Invoice.Lines.Count);
        Assert.Equal(transaction.Element(Ram + "ApplicableHeaderTradeSettlement")!.Elements(Ram + "ApplicableTradeTax").Count(), document.StatedTotals.VatBreakdown.Count);
    }

    [Theory]
    [MemberData(nameof(AllCiiFiles))]
    public void Read_CorpusFileWithElementsInAnotherOrder_ReadsTheSameDocument(string file)
    {
        var bytes = File.ReadAllBytes(CiiCorpus.Path(file));
        var tree = XDocument.Load(new MemoryStream(bytes));
        foreach (var element in tree.Descendants().Where(e => e.HasElements).ToList())
        {
            // The names in reverse order; namesakes (lines, notes, taxes...) keep theirs, as their order means something.
            element.ReplaceNodes(element.Elements().GroupBy(e => e.Name).Reverse().SelectMany(g => g).ToList());
        }

        var reordered = EInvoiceReader.Read(Encoding.UTF8.GetBytes(tree.ToString()));

        Assert.Equal(EInvoiceReader.Read(bytes), reordered);
    }
}
