using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The journal suite against the SQLite journal, on a fresh file per test.</summary>
public sealed class SqliteReminderJournalTests : ReminderJournalConformanceTests
{
    private readonly SqliteTestDatabase _database = new();
    private IInvoiceStore? _store;

    protected override Task<IReminderJournal> CreateJournalAsync()
    {
        _store = SqliteInvoiceStores.Open(_database.ConnectionString);
        return Task.FromResult(SqliteInvoiceStores.OpenReminderJournal(_store));
    }

    public override async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task TryClaimAsync_TwoStoresOnOneFile_OneOwnerPerKey()
    {
        var other = SqliteInvoiceStores.Open(_database.ConnectionString);
        var journals = new[] { SqliteInvoiceStores.OpenReminderJournal(_store!), SqliteInvoiceStores.OpenReminderJournal(other) };
        var now = NodaTime.Instant.FromUtc(2026, 12, 15, 8, 0);

        var owned = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var count = 0;
            for (var i = 1; i <= 25; i++)
            {
                var request = new ReminderClaimRequest(new ReminderKey($"F2026-{i:00000}", "d+3"), $"w{worker}", $"m{i}@x.example", new NodaTime.LocalDate(2026, 12, 18), now, now + NodaTime.Duration.FromMinutes(5));
                count += (await journals[worker % 2].TryClaimAsync(request)).IsOwned ? 1 : 0;
            }

            return count;
        })));
        await ((IAsyncDisposable)other).DisposeAsync();

        Assert.Equal(25, owned.Sum());
    }

    [Fact]
    public async Task UseSqlite_Resolved_StoreAndJournalShareTheFile()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite(_database.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IInvoiceStore>();
        var journal = provider.GetRequiredService<IReminderJournal>();
        var issued = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var now = NodaTime.Instant.FromUtc(2026, 12, 15, 8, 0);
        var claim = await journal.TryClaimAsync(new ReminderClaimRequest(new ReminderKey(issued.Number, "d+3"), "w", "m@x.example", new NodaTime.LocalDate(2026, 12, 18), now, now + NodaTime.Duration.FromMinutes(5)));

        var reopened = SqliteInvoiceStores.Open(_database.ConnectionString);
        var entries = await SqliteInvoiceStores.OpenReminderJournal(reopened).ListByInvoiceAsync(issued.Number);
        await ((IAsyncDisposable)reopened).DisposeAsync();

        Assert.Equal(ReminderClaimOutcome.Claimed, claim.Outcome);
        Assert.Single(entries);
    }

    [Fact]
    public void UseSqlite_EmptyConnectionString_ArgumentExceptionAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(() => services.AddInvoicing().UseSqlite(""));
    }
}
