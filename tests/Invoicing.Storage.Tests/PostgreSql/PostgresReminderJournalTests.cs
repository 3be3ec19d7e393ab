using System.Collections.Concurrent;
using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The reminder journal and the dunning settings in PostgreSQL: the journal's rules, atomic claims across workers.</summary>
public sealed class PostgresReminderJournalTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 15, 8, 0);
    private static readonly ReminderKey Key = new("F2026-00001", "d+3");

    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private PostgreSqlDatabase _database = null!;
    private PostgreSqlReminderJournal _journal = null!;

    public Task InitializeAsync()
    {
        _database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        _journal = new PostgreSqlReminderJournal(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }

    private static ReminderClaimRequest Claim(string worker, Instant now, string messageId = "m1@x.example", ReminderKey? key = null) =>
        new(key ?? Key, worker, messageId, new LocalDate(2026, 12, 18), now, now + Duration.FromMinutes(10));

    [Fact]
    public async Task TryClaimAsync_NewThenHeldThenSent_OutcomesInOrder()
    {
        var first = await _journal.TryClaimAsync(Claim("a", T0));

        Assert.Equal(ReminderClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(new ReminderEntry { Key = Key, State = ReminderState.Claimed, MessageId = "m1@x.example", PlannedFor = new LocalDate(2026, 12, 18), WorkerId = "a", LeaseExpiresAt = T0 + Duration.FromMinutes(10), Attempts = 1, CreatedAt = T0 }, first.Entry);
        Assert.Equal(ReminderClaimOutcome.HeldByAnotherWorker, (await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromMinutes(5)))).Outcome);
        Assert.False(await _journal.MarkSentAsync(Key, "b", T0));
        Assert.True(await _journal.MarkSentAsync(Key, "a", T0 + Duration.FromMinutes(1)));
        Assert.Equal(ReminderClaimOutcome.AlreadySent, (await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromDays(1)))).Outcome);
        var entry = Assert.Single(await _journal.ListByInvoiceAsync(Key.InvoiceNumber));
        Assert.Equal(ReminderState.Sent, entry.State);
        Assert.Equal(T0 + Duration.FromMinutes(1), entry.SentAt);
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredLease_TakenOverWithTheSameMessageId()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        var later = T0 + Duration.FromMinutes(11);

        var unfinished = await ToListAsync(_journal.ListUnfinishedAsync(later));
        var claim = await _journal.TryClaimAsync(Claim("b", later, "other@x.example"));

        Assert.Equal(Key, Assert.Single(unfinished).Key);
        Assert.Equal(ReminderClaimOutcome.TakenOver, claim.Outcome);
        Assert.Equal("m1@x.example", claim.Entry.MessageId);
        Assert.Equal(2, claim.Entry.Attempts);
        Assert.False(await _journal.MarkSentAsync(Key, "a", later));
        Assert.True(await _journal.MarkSentAsync(Key, "b", later));
        Assert.Empty(await ToListAsync(_journal.ListUnfinishedAsync(later + Duration.FromDays(1))));
    }

    [Fact]
    public async Task MarkFailedAsync_TransientRetriedAfterItsTime_PermanentNever()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        Assert.True(await _journal.MarkFailedAsync(Key, "a", new ReminderFailure(false, "421 try later", T0, T0 + Duration.FromMinutes(30))));

        Assert.Equal(ReminderClaimOutcome.WaitingForRetry, (await _journal.TryClaimAsync(Claim("a", T0 + Duration.FromMinutes(29)))).Outcome);
        Assert.Empty(await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromMinutes(29))));
        Assert.Single(await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromMinutes(30))));
        var retry = await _journal.TryClaimAsync(Claim("a", T0 + Duration.FromMinutes(30)));
        Assert.Equal(ReminderClaimOutcome.Retrying, retry.Outcome);
        Assert.Null(retry.Entry.NextAttemptAt);
        Assert.Equal("421 try later", retry.Entry.LastError);

        Assert.True(await _journal.MarkFailedAsync(Key, "a", new ReminderFailure(true, "550 no such user", T0)));
        Assert.Equal(ReminderClaimOutcome.FailedPermanently, (await _journal.TryClaimAsync(Claim("a", T0 + Duration.FromDays(300)))).Outcome);
        Assert.Empty(await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromDays(300))));
        Assert.False(await _journal.MarkFailedAsync(Key, "a", new ReminderFailure(true, "again", T0)));
    }

    [Fact]
    public async Task TryClaimAsync_SixteenWorkersOnOneKeyAtOnce_ExactlyOneOwnsIt()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => _journal.TryClaimAsync(Claim("w" + i, T0, $"m{i}@x.example")))));

        var owner = Assert.Single(claims, c => c.IsOwned);
        Assert.Equal(ReminderClaimOutcome.Claimed, owner.Outcome);
        Assert.All(claims.Where(c => !c.IsOwned), c => Assert.Equal(ReminderClaimOutcome.HeldByAnotherWorker, c.Outcome));
        Assert.Equal(owner.Entry, Assert.Single(await _journal.ListByInvoiceAsync(Key.InvoiceNumber)));
    }

    [Fact]
    public async Task TryClaimAsync_EightWorkersTakingOverTwoHundredExpiredClaims_EachOwnedOnce()
    {
        var keys = Enumerable.Range(1, 200).Select(i => new ReminderKey($"F2026-{i:00000}", "d+13")).ToList();
        foreach (var key in keys)
        {
            await _journal.TryClaimAsync(Claim("crashed", T0, key: key));
        }

        var later = T0 + Duration.FromHours(1);
        var owned = new ConcurrentBag<ReminderKey>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await foreach (var entry in _journal.ListUnfinishedAsync(later))
            {
                var claim = await _journal.TryClaimAsync(Claim("w" + w, later, key: entry.Key));
                if (claim.IsOwned)
                {
                    owned.Add(entry.Key);
                    Assert.True(await _journal.MarkSentAsync(entry.Key, "w" + w, later));
                }
            }
        })));

        Assert.Equal(keys.OrderBy(k => k.InvoiceNumber, StringComparer.Ordinal), owned.OrderBy(k => k.InvoiceNumber, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListByInvoiceAsync_UnknownOrHostileNumber_Empty()
    {
        await _journal.TryClaimAsync(Claim("a", T0));

        Assert.Empty(await _journal.ListByInvoiceAsync("' OR '1'='1"));
        Assert.Empty(await _journal.ListByInvoiceAsync(null!));
    }

    [Fact]
    public async Task Settings_SaveReplaceAndRead_RoundTrip()
    {
        var settings = new PostgreSqlDunningSettingsStore(_database);
        var customer = new DunningCustomerSettings { CustomerKey = "987654324", OptedOut = false, Language = "fr", TimeZoneId = "Europe/Paris", PolicyId = "b2b", Email = "compta@client.example" };
        var invoice = new DunningInvoiceSettings { InvoiceNumber = "F2026-00001", Disputed = true, PausedUntil = new LocalDate(2027, 1, 15) };

        await settings.SaveCustomerAsync(customer);
        await settings.SaveCustomerAsync(customer with { OptedOut = true, Email = null });
        await settings.SaveInvoiceAsync(invoice);

        Assert.Equal(customer with { OptedOut = true, Email = null }, await settings.GetCustomerAsync("987654324"));
        Assert.Equal(invoice, await settings.GetInvoiceAsync("F2026-00001"));
        Assert.Null(await settings.GetCustomerAsync("nobody"));
        Assert.Null(await settings.GetInvoiceAsync("F2026-99999"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Settings_BlankKeys_RefusedNamingRuleAndField(string blank)
    {
        var settings = new PostgreSqlDunningSettingsStore(_database);

        var customer = await Assert.ThrowsAsync<InvoiceValidationException>(() => settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = blank }));
        var invoice = await Assert.ThrowsAsync<InvoiceValidationException>(() => settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = blank }));
        var tooLong = await Assert.ThrowsAsync<InvoiceValidationException>(() => settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = new string('x', 201) }));

        Assert.Contains(customer.Issues, i => i.RuleId == "DUN-SETTINGS-CUSTOMER" && i.Path == "customerKey");
        Assert.Contains(invoice.Issues, i => i.RuleId == "DUN-SETTINGS-INVOICE" && i.Path == "invoiceNumber");
        Assert.Contains(tooLong.Issues, i => i.RuleId == "DUN-SETTINGS-CUSTOMER");
    }

    [Fact]
    public async Task Journal_ServerUnreachable_InvoiceStoreExceptionNamingTheOperation()
    {
        await using var unreachable = new PostgreSqlDatabase(new PostgreSqlStoreOptions(PostgresTestDatabase.UnreachableConnectionString(), "unreachable"));
        var journal = new PostgreSqlReminderJournal(unreachable);

        var claim = await Assert.ThrowsAsync<InvoiceStoreException>(() => journal.TryClaimAsync(Claim("a", T0)));
        var list = await Assert.ThrowsAsync<InvoiceStoreException>(async () => await ToListAsync(journal.ListUnfinishedAsync(T0)));

        Assert.Equal("TryClaimAsync", claim.Operation);
        Assert.Equal("ListUnfinishedAsync", list.Operation);
    }

    [Fact]
    public async Task UsePostgreSql_Resolves_JournalAndSettingsOnTheStoresSchema()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UsePostgreSql(PostgresTestDatabase.ConnectionString, _schema);
        await using var provider = services.BuildServiceProvider();

        var journal = provider.GetRequiredService<IReminderJournal>();
        await journal.TryClaimAsync(Claim("a", T0));

        Assert.IsType<PostgreSqlReminderJournal>(journal);
        Assert.IsType<PostgreSqlDunningSettingsStore>(provider.GetRequiredService<IDunningSettingsStore>());
        Assert.Single(await _journal.ListByInvoiceAsync(Key.InvoiceNumber));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
