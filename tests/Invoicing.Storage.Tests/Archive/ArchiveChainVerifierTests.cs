using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Archive;

public sealed class ArchiveChainVerifierTests
{
    private static List<IssuedInvoice> Chain(int count)
    {
        var chain = new List<IssuedInvoice>();
        var previous = ArchiveHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var request = StoreFixtures.Request(StoreFixtures.Draft());
            var issued = InvoiceLifecycle.Seal(request, InvoiceCalculator.Calculate(request.Document), i, previous);
            chain.Add(issued);
            previous = issued.Hash;
        }

        return chain;
    }

    private static ArchiveVerification Verify(IEnumerable<IssuedInvoice> chain)
    {
        var verifier = new ArchiveChainVerifier();
        foreach (var issued in chain)
        {
            verifier.Check(issued);
        }

        return verifier.Result();
    }

    [Fact]
    public void Check_IntactChain_IntactWithCount()
    {
        var result = Verify(Chain(5));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.DocumentsChecked);
    }

    [Fact]
    public void Check_AlteredContent_ReportsThatNumber()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Document = chain[2].Document with { DueDate = new LocalDate(2027, 6, 1) } };

        var result = Verify(chain);

        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.DocumentsChecked);
    }

    [Fact]
    public void Check_RemovedDocument_ReportsTheNextNumber()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal("F2026-00003", Verify(chain).FirstBrokenNumber);
    }

    [Fact]
    public void Check_TotalsAlteredButHashKept_Reported()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Totals = chain[1].Totals with { AmountDue = 1m } };

        var result = Verify(chain);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("totals", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ChainStartingAfterOne_ReportsMissingDocuments()
    {
        var chain = Chain(3);
        var tail = chain[2] with { PreviousHash = ArchiveHash.Genesis };
        tail = tail with { Hash = ArchiveHash.Compute(tail) };

        var result = Verify([tail]);

        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
    }
}
