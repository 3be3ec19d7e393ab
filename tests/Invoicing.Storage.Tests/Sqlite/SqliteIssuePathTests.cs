using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite issue path seals a document before its transaction for the sequence and chain head the store wrote last.
/// These tests make that guess wrong on purpose (another store on the file, a refused issue, a rolled-back issue) and
/// check that the file never holds a stale seal.
/// </summary>
public sealed class SqliteIssuePathTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private IInvoiceStore _first = null!;
    private IInvoiceStore _second = null!;

    public Task InitializeAsync()
    {
        _first = SqliteInvoiceStores.Open(_database.ConnectionString);
        _second = SqliteInvoiceStores.Open(_database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_first).DisposeAsync();
        await ((IAsyncDisposable)_second).DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task IssueAsync_AnotherStoreIssuedInBetween_LinksToItsDocumentNotToTheGuess()
    {
        var a1 = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var a2 = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var b3 = await _second.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var a4 = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Equal([1L, 2L, 3L, 4L], new[] { a1, a2, b3, a4 }.Select(i => i.Sequence));
        Assert.Equal(a2.Hash, b3.PreviousHash);
        Assert.Equal(b3.Hash, a4.PreviousHash);
        Assert.Equal(a4, await _second.GetAsync("F2026-00004"));
        Assert.Equal(ArchiveHash.Compute(a4), a4.Hash);
        Assert.True((await _second.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_AlternatingStoresOnOneFile_EveryLinkAndSequenceRight()
    {
        var issued = new List<IssuedInvoice>();
        for (var i = 0; i < 40; i++)
        {
            var store = i % 3 == 0 ? _second : _first;
            issued.Add(await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        }

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), issued.Select(i => i.Sequence));
        Assert.All(issued.Skip(1).Zip(issued), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.True((await _first.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_AfterARefusedIssue_NextIssueTakesTheNextNumber()
    {
        var first = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 10))));

        var backdated = await Assert.ThrowsAsync<InvoiceValidationException>(() => _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 9)))));
        var next = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 10))));

        Assert.Contains(backdated.Issues, i => i.RuleId == "INV-ISSUE-BACKDATED");
        Assert.Equal(2, next.Sequence);
        Assert.Equal(first.Hash, next.PreviousHash);
        Assert.True((await _first.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_AfterANumberTakenRefusal_StoreKeepsIssuingWithoutGap()
    {
        var series = new NumberSeries("no-year", "N-{seq:000}", resetsYearly: true);
        var december = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 12, 31)), series: series));

        var taken = await Assert.ThrowsAsync<InvoiceValidationException>(() => _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 2)), series: series)));
        var invoice = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 2))));

        Assert.Contains(taken.Issues, i => i.RuleId == "INV-ISSUE-NUMBER-TAKEN" && i.Path == "series.pattern");
        Assert.Equal("F2027-00001", invoice.Number);
        Assert.Equal(december.Hash, invoice.PreviousHash);
        Assert.True((await _first.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_CancelledToken_NothingWrittenNumberNotConsumed()
    {
        var first = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()), cancelled.Token));
        var next = await _first.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Equal(2, next.Sequence);
        Assert.Equal(first.Hash, next.PreviousHash);
        Assert.True((await _second.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_NotDurable_SameNumberingAndChainAfterReopening()
    {
        var fast = SqliteInvoiceStores.Open(_database.ConnectionString, new SqliteStoreOptions { DurableCommits = false });
        var issued = new List<IssuedInvoice>();
        for (var i = 0; i < 20; i++)
        {
            issued.Add(await fast.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        }

        await ((IAsyncDisposable)fast).DisposeAsync();

        Assert.Equal(issued[^1], await _second.GetAsync("F2026-00020"));
        Assert.True((await _second.VerifyArchiveAsync()).IsIntact);
    }

    [Theory]
    [InlineData(true, 2L)]
    [InlineData(false, 1L)]
    public async Task Open_DurableCommitsOption_WalWithFullOrNormalSynchronous(bool durable, long synchronous)
    {
        var store = (SqliteInvoiceStore)SqliteInvoiceStores.Open(_database.ConnectionString, new SqliteStoreOptions { DurableCommits = durable });
        try
        {
            var settings = await store.ReadAsync("Pragmas", async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT journal_mode FROM pragma_journal_mode)";
                using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return (Synchronous: reader.GetInt64(0), JournalMode: reader.GetString(1));
            }, CancellationToken.None);

            Assert.Equal(synchronous, settings.Synchronous);
            Assert.Equal("wal", settings.JournalMode);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public void Options_Default_DurableCommits()
    {
        Assert.True(new SqliteStoreOptions().DurableCommits);
    }
}
