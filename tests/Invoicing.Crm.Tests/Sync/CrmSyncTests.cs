using Invoicing.Core;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Crm.Tests.CrmFixtures;

namespace Invoicing.Crm.Tests.Sync;

public sealed class CrmSyncTests : IAsyncDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 10, 8, 0);
    private readonly FakeClock _clock = new(T0);
    private readonly IInvoiceStore _invoices;
    private readonly ICrmSyncStore _ledger;
    private readonly InvoicingService _invoicing;
    private readonly CrmSync _sync;
    private readonly FakeCrmSource _crm = new();

    public CrmSyncTests()
    {
        _invoices = InvoiceStores.CreateInMemory(_clock);
        _ledger = CrmSyncStores.CreateInMemory(_invoices);
        _invoicing = new InvoicingService(_invoices, _clock);
        _sync = new CrmSync(_ledger, _invoices, _invoicing, new CrmMapping(Template), _clock);
        _crm.Put(Customer("C1") with { ModifiedAt = T0 });
        _crm.Put(Customer("C2") with { ModifiedAt = T0, Name = "Café des Arts SARL", Siren = "552100554", VatId = "FR23552100554" });
        for (var i = 1; i <= 7; i++)
        {
            _crm.Put(Deal($"D{i}", customerId: i % 2 == 0 ? "C2" : "C1") with { ModifiedAt = T0.Plus(Duration.FromSeconds(i)) });
        }
    }

    public ValueTask DisposeAsync() => ((IAsyncDisposable)_invoices).DisposeAsync();

    [Fact]
    public async Task RunAsync_Twice_SecondCreatesNothing()
    {
        var first = await _sync.RunAsync(_crm);
        var second = await _sync.RunAsync(_crm);

        Assert.Equal(7, first.Created);
        Assert.Equal(0, second.Created + second.Updated + second.Held + second.Reported);
        Assert.Equal(7, await _ledger.ListAsync("fake").CountAsync());
        foreach (var deal in _crm.Deals.Values)
        {
            Assert.NotNull(await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", deal.Id)));
        }
    }

    [Fact]
    public async Task RunAsync_SecondRun_ReadsFromTheStoredModifiedSinceMark()
    {
        await _sync.RunAsync(_crm);
        await _sync.RunAsync(_crm);

        Assert.Null(_crm.DealCursorsRead[0]);
        Assert.Equal(T0.Plus(Duration.FromSeconds(7)), _crm.DealCursorsRead[1]!.ModifiedSince);
        Assert.Null(_crm.DealCursorsRead[1]!.Position);
    }

    [Fact]
    public async Task RunAsync_DealChangedBeforeIssue_UpdatesTheDraft()
    {
        await _sync.RunAsync(_crm);
        _crm.Put(Deal("D3", version: "2", price: 300m) with { ModifiedAt = T0.Plus(Duration.FromSeconds(60)) });

        var report = await _sync.RunAsync(_crm);

        Assert.Equal((0, 1), (report.Created, report.Updated));
        var entry = Assert.Single(report.Entries);
        Assert.Equal(("D3", CrmSyncOutcome.Updated), (entry.DealId, entry.Outcome));
        var draft = await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D3"));
        Assert.Equal(300m, draft!.Lines[0].NetPrice);
    }

    [Fact]
    public async Task RunAsync_DealChangedAfterIssue_ReportedNotReinvoiced()
    {
        await _sync.RunAsync(_crm);
        var issued = await _invoicing.IssueDraftAsync(CrmSyncRules.DraftIdOf("fake", "D3"));
        _crm.Put(Deal("D3", version: "2", price: 300m) with { ModifiedAt = T0.Plus(Duration.FromSeconds(60)) });

        var report = await _sync.RunAsync(_crm);
        var again = await _sync.RunAsync(_crm);

        Assert.Equal(("D3", CrmSyncOutcome.Reported), (Assert.Single(report.Entries).DealId, report.Entries[0].Outcome));
        Assert.Empty(again.Entries);
        Assert.Null(await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D3")));
        Assert.Equal(189.90m, (await _invoices.GetAsync(issued.Number))!.Document.Lines[0].NetPrice);
    }

    [Fact]
    public async Task RunAsync_CustomerWithoutSiren_HeldNamingTheFieldThenDraftedOnFullResync()
    {
        _crm.Put(Customer("C2") with { ModifiedAt = T0, Siren = null, VatId = "FR23552100554" });

        var report = await _sync.RunAsync(_crm);

        Assert.Equal((4, 3), (report.Created, report.Held));
        var held = report.Entries.Where(e => e.Outcome == CrmSyncOutcome.Held).ToArray();
        Assert.All(held, entry => Assert.Contains(entry.Issues, issue => issue.Path == "customer.siren"));
        Assert.Contains("customer.siren", (await _ledger.GetAsync("fake", "D2"))!.HeldReason, StringComparison.Ordinal);
        Assert.Null(await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D2")));

        _crm.Put(Customer("C2") with { ModifiedAt = T0.Plus(Duration.FromSeconds(100)), Siren = "552100554", VatId = "FR23552100554" });
        var resync = await _sync.RunAsync(_crm, new CrmSyncRunOptions { FullResync = true });

        Assert.Equal((3, 0), (resync.Created, resync.Held));
        Assert.NotNull(await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D2")));
    }

    [Fact]
    public async Task RunAsync_Drafts_IssueAndValidateWithoutHandEdits()
    {
        await _sync.RunAsync(_crm);

        foreach (var deal in _crm.Deals.Values)
        {
            var issued = await _invoicing.IssueDraftAsync(CrmSyncRules.DraftIdOf("fake", deal.Id));
            Assert.DoesNotContain(InvoicingService.Validate(issued.Document).Issues, issue => issue.Severity == ValidationSeverity.Error);
        }
    }

    [Fact]
    public async Task RunAsync_DryRun_ReportsWhatWouldHappenAndWritesNothing()
    {
        var report = await _sync.RunAsync(_crm, new CrmSyncRunOptions { DryRun = true });

        Assert.True(report.DryRun);
        Assert.Equal(7, report.Created);
        Assert.Equal(7, report.Entries.Count);
        Assert.All(report.Entries, entry => Assert.Equal(1142.52m, entry.AmountDue)); // 4 x 189.90 + 3.5 x 55 = 952.10, VAT 20 % 190.42
        Assert.Empty(await _ledger.ListAsync("fake").ToListAsync());
        Assert.Null(await _ledger.GetCursorAsync("fake", CrmSync.DealsStream));
        Assert.Null(await _invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D1")));
    }

    [Fact]
    public async Task RunAsync_SourceFailsMidRead_KeepsWhatWasAppliedAndResumesAfterTheLastPage()
    {
        _crm.FailAfterDealPages = 2;

        await Assert.ThrowsAsync<CrmException>(() => _sync.RunAsync(_crm));

        Assert.Equal(6, await _ledger.ListAsync("fake").CountAsync());
        _crm.FailAfterDealPages = null;
        var report = await _sync.RunAsync(_crm);
        Assert.Equal("6", _crm.DealCursorsRead[^1]!.Position);
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task RunAsync_UnchangedCustomer_LookedUpOncePerRun()
    {
        _crm.Put(Customer("C1") with { ModifiedAt = T0 - Duration.FromHours(1) });
        await _sync.RunAsync(_crm);
        _crm.Put(Deal("D1", version: "2") with { ModifiedAt = T0.Plus(Duration.FromSeconds(60)) });
        _crm.Put(Deal("D3", version: "2") with { ModifiedAt = T0.Plus(Duration.FromSeconds(61)) });

        await _sync.RunAsync(_crm);

        Assert.Equal(1, _crm.CustomerLookups);
    }

    [Fact]
    public async Task RunAsync_DealNotWon_Skipped()
    {
        _crm.Put(Deal("D1") with { ModifiedAt = T0.Plus(Duration.FromSeconds(1)), IsWon = false });

        var report = await _sync.RunAsync(_crm);

        Assert.Equal((6, 1), (report.Created, report.Skipped));
        Assert.Null(await _ledger.GetAsync("fake", "D1"));
    }

    [Fact]
    public async Task RunAsync_HostileDealId_HeldWithTheRuleAndOthersGoOn()
    {
        _crm.Put(Deal("bad\0id") with { ModifiedAt = T0.Plus(Duration.FromSeconds(8)) });

        var report = await _sync.RunAsync(_crm);

        Assert.Equal(7, report.Created);
        Assert.Equal("CRM-SYNC-RECORD", Assert.Single(report.Entries, e => e.Outcome == CrmSyncOutcome.Held).Issues[0].RuleId);
    }

    [Fact]
    public async Task RunAsync_StoredCursorUnreadable_TypedError()
    {
        await _ledger.SaveCursorAsync("fake", CrmSync.DealsStream, "garbage");

        var error = await Assert.ThrowsAsync<CrmException>(() => _sync.RunAsync(_crm));

        Assert.Equal(CrmErrorReason.InvalidCursor, error.Reason);
    }
}
