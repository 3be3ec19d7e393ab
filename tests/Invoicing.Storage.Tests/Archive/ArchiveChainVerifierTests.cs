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
        chain[1] = chain[1] with { Totals = chain[1].Totals with { VatTotal = 1m } };

        var result = Verify(chain);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("totals", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AmountDueAltered_HashedInFormat2SoTheContentNoLongerMatches()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Totals = chain[1].Totals with { AmountDue = 1m } };

        var result = Verify(chain);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("does not match its hash", result.Reason, StringComparison.Ordinal);
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

    [Fact]
    public void Check_Format2Chain_RecordsTheCounterKeyOfEachDocument()
    {
        var chain = Chain(2);

        Assert.All(chain, issued => Assert.Equal((ArchiveHash.FormatMetadata, "invoices/2026"), (issued.HashFormat, issued.CounterKey)));
        Assert.True(Verify(chain).IsIntact);
    }

    [Fact]
    public void Check_CounterKeyChangedInTheRecord_ContentNoLongerMatchesItsHash()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { CounterKey = "invoices" };

        var result = Verify(chain);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("numbering metadata", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CounterKeyColumnDisagreesWithTheRecord_NamesTheColumn()
    {
        var chain = Chain(3);
        var verifier = new ArchiveChainVerifier();

        Assert.True(verifier.Check(chain[0], "invoices/2026", null));
        Assert.False(verifier.Check(chain[1], "invoices/2025", null));

        Assert.Equal("F2026-00002", verifier.Result().FirstBrokenNumber);
        Assert.Contains("counter_key", verifier.Result().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CounterKeyNotOfItsSeries_Reported()
    {
        var legacy = LegacyArchive.Chain(1);
        var verifier = new ArchiveChainVerifier();

        Assert.False(verifier.Check(legacy[0], "credit-notes/2026", null));
        Assert.Contains("not one its series 'invoices' draws from", verifier.Result().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Format1ThenCheckpointThenFormat2_IntactAsOneChain()
    {
        var legacy = LegacyArchive.Chain(3);
        var (checkpoint, seals) = LegacyArchive.Checkpoint(legacy);
        var verifier = new ArchiveChainVerifier(checkpoint, checkpointRequired: true);
        for (var i = 0; i < legacy.Count; i++)
        {
            Assert.True(verifier.Check(legacy[i], "invoices/2026", seals[i]), verifier.Failure?.Reason);
        }

        Assert.Equal(checkpoint.Hash, verifier.NextPreviousHash);
        var next = InvoiceLifecycle.Seal(StoreFixtures.Request(StoreFixtures.Draft()), InvoiceCalculator.Calculate(StoreFixtures.Draft()), 4, checkpoint.Hash);

        Assert.True(verifier.Check(next, "invoices/2026", null), verifier.Failure?.Reason);
        Assert.True(verifier.Result().IsIntact);
        Assert.Equal(4, verifier.Result().DocumentsChecked);
    }

    [Fact]
    public void Check_Format1CounterKeyChangedAfterTheCheckpoint_ReportsTheRowAndColumn()
    {
        var legacy = LegacyArchive.Chain(3);
        var (checkpoint, seals) = LegacyArchive.Checkpoint(legacy);
        var verifier = new ArchiveChainVerifier(checkpoint, checkpointRequired: true);

        verifier.Check(legacy[0], "invoices/2026", seals[0]);
        verifier.Check(legacy[1], "invoices", seals[1]);

        Assert.Equal("F2026-00002", verifier.Result().FirstBrokenNumber);
        Assert.Contains("counter_key column holds 'invoices'", verifier.Result().Reason, StringComparison.Ordinal);
        Assert.Equal(2, verifier.Result().DocumentsChecked);
    }

    [Fact]
    public void Check_CheckpointAltered_ReportedAtTheLastDocumentItSeals()
    {
        var legacy = LegacyArchive.Chain(2);
        var (checkpoint, seals) = LegacyArchive.Checkpoint(legacy);
        var forged = checkpoint with { Seal = new string('e', 64) };
        var verifier = new ArchiveChainVerifier(forged, checkpointRequired: true);

        verifier.Check(legacy[0], "invoices/2026", seals[0]);
        verifier.Check(legacy[1], "invoices/2026", seals[1]);

        Assert.Equal("F2026-00002", verifier.Result().FirstBrokenNumber);
        Assert.Contains("checkpoint", verifier.Result().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CheckpointRemoved_Format1DocumentsReported()
    {
        var legacy = LegacyArchive.Chain(2);
        var verifier = new ArchiveChainVerifier(null, checkpointRequired: true);

        verifier.Check(legacy[0], "invoices/2026", null);

        Assert.Equal("F2026-00001", verifier.Result().FirstBrokenNumber);
        Assert.Contains("checkpoint was removed", verifier.Result().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Format1AfterFormat2_Reported()
    {
        var first = Chain(1)[0];
        var legacy = LegacyArchive.Seal(StoreFixtures.Request(StoreFixtures.Draft()), 2, first.Hash);

        var result = Verify([first, legacy]);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("format 1 after", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SequenceGoingBackInTime_Reported()
    {
        var first = InvoiceLifecycle.Seal(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 5))), InvoiceCalculator.Calculate(StoreFixtures.Draft()), 1, ArchiveHash.Genesis);
        var backdated = InvoiceLifecycle.Seal(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 4))), InvoiceCalculator.Calculate(StoreFixtures.Draft()), 2, first.Hash);

        var result = Verify([first, backdated]);

        Assert.Equal("F2026-00002", result.FirstBrokenNumber);
        Assert.Contains("chronological", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCounters_CounterAheadOfTheArchive_ReportedAtItsLastDocument()
    {
        var chain = Chain(2);
        var verifier = new ArchiveChainVerifier();
        chain.ForEach(issued => verifier.Check(issued));

        Assert.False(verifier.CheckCounters([new ArchiveCounter("invoices/2026", 5, new LocalDate(2026, 11, 2))]));

        Assert.Equal("F2026-00002", verifier.Result().FirstBrokenNumber);
        Assert.Contains("counter row 'invoices/2026' records sequence 5", verifier.Result().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCounters_CounterRowMissingOrExtra_Reported()
    {
        var chain = Chain(1);
        var missing = new ArchiveChainVerifier();
        missing.Check(chain[0]);
        var extra = new ArchiveChainVerifier();
        extra.Check(chain[0]);

        Assert.False(missing.CheckCounters([]));
        Assert.False(extra.CheckCounters([new ArchiveCounter("invoices/2026", 1, new LocalDate(2026, 11, 2)), new ArchiveCounter("invoices/2027", 3, new LocalDate(2027, 1, 2))]));

        Assert.Contains("missing", missing.Result().Reason, StringComparison.Ordinal);
        Assert.Contains("no document of that counter", extra.Result().Reason, StringComparison.Ordinal);
    }
}
