using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="ICrmSyncStore"/> must show, with the invoice store it writes drafts in. A store's
/// test class derives from this one and says how to create a fresh, empty pair.
/// </summary>
public abstract class CrmSyncConformanceTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 9, 0);
    private readonly List<object> _owned = [];

    /// <summary>A fresh, empty invoice store and the ledger beside it.</summary>
    protected abstract Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> CreateAsync();

    /// <summary>A second pair over the same data (another process, another host instance).</summary>
    protected abstract Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> OpenAgainAsync();

    protected IInvoiceStore Invoices { get; private set; } = null!;

    protected ICrmSyncStore Ledger { get; private set; } = null!;

    public async Task InitializeAsync() => (Invoices, Ledger) = await CreateAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in _owned.Prepend(Invoices))
        {
            if (owned is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    protected T Own<T>(T value)
        where T : notnull
    {
        _owned.Add(value);
        return value;
    }

    private static CrmSyncChange Drafted(string version, decimal price = 100m, string record = "deal-1") =>
        new("hubspot", record, version, StoreFixtures.Draft(price: price), null, Now);

    private static CrmSyncChange Held(string version, string record = "deal-1") =>
        new("hubspot", record, version, null, "FR-03 buyer.legalId: the buyer SIREN is missing", Now);

    [Fact]
    public async Task ApplyAsync_NewRecord_CreatesTheDraftUnderTheDerivedIdWithItsRow()
    {
        var change = Drafted("v1");

        Assert.Equal(CrmSyncOutcome.Created, await Ledger.ApplyAsync(change));

        Assert.Equal(change.Draft, await Invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("hubspot", "deal-1")));
        var row = await Ledger.GetAsync("hubspot", "deal-1");
        Assert.Equal(new CrmSyncRecord { Source = "hubspot", RecordId = "deal-1", Version = "v1", DraftId = change.DraftId, State = CrmSyncState.Drafted, UpdatedAt = Now }, row);
    }

    [Fact]
    public async Task ApplyAsync_SameVersionTwice_Unchanged()
    {
        await Ledger.ApplyAsync(Drafted("v1"));

        Assert.Equal(CrmSyncOutcome.Unchanged, await Ledger.ApplyAsync(Drafted("v1", price: 999m)));

        Assert.Equal(100m, (await Invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("hubspot", "deal-1")))!.Lines[0].NetPrice);
    }

    [Fact]
    public async Task ApplyAsync_NewVersionBeforeIssue_ReplacesTheDraft()
    {
        await Ledger.ApplyAsync(Drafted("v1"));

        Assert.Equal(CrmSyncOutcome.Updated, await Ledger.ApplyAsync(Drafted("v2", price: 250m)));

        Assert.Equal(250m, (await Invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("hubspot", "deal-1")))!.Lines[0].NetPrice);
        Assert.Equal("v2", (await Ledger.GetAsync("hubspot", "deal-1"))!.Version);
    }

    [Fact]
    public async Task ApplyAsync_NewVersionAfterIssue_ReportedOnceAndNoDraftComesBack()
    {
        var change = Drafted("v1");
        await Ledger.ApplyAsync(change);
        await Invoices.IssueAsync(StoreFixtures.Request(change.Draft!, change.DraftId));

        Assert.Equal(CrmSyncOutcome.Reported, await Ledger.ApplyAsync(Drafted("v2", price: 250m)));
        Assert.Equal(CrmSyncOutcome.Unchanged, await Ledger.ApplyAsync(Drafted("v2", price: 250m)));
        Assert.Equal(CrmSyncOutcome.Reported, await Ledger.ApplyAsync(Held("v3")));

        Assert.Null(await Invoices.GetDraftAsync(change.DraftId));
        var row = await Ledger.GetAsync("hubspot", "deal-1");
        Assert.Equal((CrmSyncState.Reported, "v3"), (row!.State, row.Version));
    }

    [Fact]
    public async Task ApplyAsync_HeldThenCompleted_DraftCreatedOnce()
    {
        Assert.Equal(CrmSyncOutcome.Held, await Ledger.ApplyAsync(Held("v1")));
        var held = await Ledger.GetAsync("hubspot", "deal-1");
        Assert.Equal(CrmSyncState.Held, held!.State);
        Assert.Contains("buyer.legalId", held.HeldReason, StringComparison.Ordinal);
        Assert.Null(await Invoices.GetDraftAsync(held.DraftId));

        Assert.Equal(CrmSyncOutcome.Created, await Ledger.ApplyAsync(Drafted("v1")));
        Assert.Equal(CrmSyncOutcome.Unchanged, await Ledger.ApplyAsync(Drafted("v1")));

        Assert.NotNull(await Invoices.GetDraftAsync(held.DraftId));
        Assert.Null((await Ledger.GetAsync("hubspot", "deal-1"))!.HeldReason);
    }

    [Fact]
    public async Task ApplyAsync_DraftedRecordLosesData_DraftDeletedAndHeld()
    {
        await Ledger.ApplyAsync(Drafted("v1"));

        Assert.Equal(CrmSyncOutcome.Held, await Ledger.ApplyAsync(Held("v2")));

        Assert.Null(await Invoices.GetDraftAsync(CrmSyncRules.DraftIdOf("hubspot", "deal-1")));
        Assert.Equal(CrmSyncState.Held, (await Ledger.GetAsync("hubspot", "deal-1"))!.State);
    }

    [Fact]
    public async Task ApplyAsync_SecondInstance_SeesTheFirstsRows()
    {
        await Ledger.ApplyAsync(Drafted("v1"));
        var (otherInvoices, other) = await OpenAgainAsync();

        Assert.Equal(CrmSyncOutcome.Unchanged, await other.ApplyAsync(Drafted("v1")));
        Assert.NotNull(await otherInvoices.GetDraftAsync(CrmSyncRules.DraftIdOf("hubspot", "deal-1")));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentSyncsOfOneRecord_OneCreatesTheOthersFindIt()
    {
        var (_, other) = await OpenAgainAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? Ledger : other).ApplyAsync(Drafted("v1"))));

        Assert.Equal(1, outcomes.Count(o => o == CrmSyncOutcome.Created));
        Assert.Equal(7, outcomes.Count(o => o == CrmSyncOutcome.Unchanged));
    }

    [Fact]
    public async Task ApplyAsync_HostileIds_StoredAsTextAndSourcesKeptApart()
    {
        const string record = "deal'; DROP TABLE drafts; -- \"é\u2028😀";

        await Ledger.ApplyAsync(Drafted("v1", record: record));
        await Ledger.ApplyAsync(new CrmSyncChange("zoho", record, "v1", StoreFixtures.Draft(), null, Now));

        Assert.Equal(record, (await Ledger.GetAsync("hubspot", record))!.RecordId);
        Assert.NotEqual(CrmSyncRules.DraftIdOf("hubspot", record), CrmSyncRules.DraftIdOf("zoho", record));
        Assert.Single(await Ledger.ListAsync("zoho").ToListAsync());
        Assert.Null(await Ledger.GetAsync("salesforce", record));
    }

    [Fact]
    public void Change_BadKeysOrNeitherDraftNorReason_RefusedNamingTheField()
    {
        Assert.Equal("CRM-SYNC-RECORD", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange("hubspot", "a\0b", "v1", StoreFixtures.Draft(), null, Now)).Issues[0].RuleId);
        Assert.Equal("CRM-SYNC-SOURCE", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange(" ", "a", "v1", StoreFixtures.Draft(), null, Now)).Issues[0].RuleId);
        Assert.Equal("CRM-SYNC-VERSION", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange("hubspot", "a", "", StoreFixtures.Draft(), null, Now)).Issues[0].RuleId);
        Assert.Equal("CRM-SYNC-DRAFT", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange("hubspot", "a", "v1", null, null, Now)).Issues[0].RuleId);
        Assert.Equal("CRM-SYNC-DRAFT", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange("hubspot", "a", "v1", StoreFixtures.Draft(), "held", Now)).Issues[0].RuleId);
        Assert.Equal("INV-DRAFT-NUMBERED", Assert.Throws<InvoiceValidationException>(() => new CrmSyncChange("hubspot", "a", "v1", StoreFixtures.Draft() with { Number = "F1" }, null, Now)).Issues[0].RuleId);
    }

    [Fact]
    public async Task ListAsync_OrderedByRecordId()
    {
        await Ledger.ApplyAsync(Drafted("v1", record: "b"));
        await Ledger.ApplyAsync(Held("v1", record: "a"));
        await Ledger.ApplyAsync(Drafted("v1", record: "c"));

        Assert.Equal(["a", "b", "c"], await Ledger.ListAsync("hubspot").Select(r => r.RecordId).ToListAsync());
    }

    [Fact]
    public async Task Cursors_SavedReplacedResetPerSource()
    {
        Assert.Null(await Ledger.GetCursorAsync("hubspot", "deals"));

        await Ledger.SaveCursorAsync("hubspot", "deals", "crm1;2026-11-02T09:00:00Z;after=100");
        await Ledger.SaveCursorAsync("hubspot", "deals", "crm1;2026-11-02T10:00:00Z;");
        await Ledger.SaveCursorAsync("hubspot", "customers", "crm1;;");
        await Ledger.SaveCursorAsync("zoho", "deals", "crm1;;token");

        Assert.Equal("crm1;2026-11-02T10:00:00Z;", await Ledger.GetCursorAsync("hubspot", "deals"));
        await Ledger.ResetCursorsAsync("hubspot");
        Assert.Null(await Ledger.GetCursorAsync("hubspot", "deals"));
        Assert.Null(await Ledger.GetCursorAsync("hubspot", "customers"));
        Assert.Equal("crm1;;token", await Ledger.GetCursorAsync("zoho", "deals"));
        Assert.Equal("CRM-SYNC-CURSOR", (await Assert.ThrowsAsync<InvoiceValidationException>(() => Ledger.SaveCursorAsync("zoho", "deals", "a\0"))).Issues[0].RuleId);
        Assert.Equal("crm1;;token", await Ledger.GetCursorAsync("zoho", "deals"));
    }
}
