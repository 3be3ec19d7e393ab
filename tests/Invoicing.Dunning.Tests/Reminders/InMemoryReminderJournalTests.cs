using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.Reminders;

public sealed class InMemoryReminderJournalTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 15, 8, 0);
    private static readonly ReminderKey Key = new("F1", "d+3");

    private static ReminderClaimRequest Claim(string worker, Instant now, string messageId = "m1@x.example") =>
        new(Key, worker, messageId, new LocalDate(2026, 12, 18), now, now + Duration.FromMinutes(10));

    [Fact]
    public async Task TryClaim_New_ThenHeldThenSent()
    {
        var journal = InMemoryReminders.CreateJournal();

        Assert.Equal(ReminderClaimOutcome.Claimed, (await journal.TryClaimAsync(Claim("a", T0))).Outcome);
        Assert.Equal(ReminderClaimOutcome.HeldByAnotherWorker, (await journal.TryClaimAsync(Claim("b", T0 + Duration.FromMinutes(5)))).Outcome);
        Assert.False(await journal.MarkSentAsync(Key, "b", T0));
        Assert.True(await journal.MarkSentAsync(Key, "a", T0));
        Assert.Equal(ReminderClaimOutcome.AlreadySent, (await journal.TryClaimAsync(Claim("b", T0 + Duration.FromDays(1)))).Outcome);
        Assert.Equal(ReminderState.Sent, Assert.Single(await journal.ListByInvoiceAsync("F1")).State);
    }

    [Fact]
    public async Task TryClaim_ExpiredLease_TakenOverWithTheSameMessageId()
    {
        var journal = InMemoryReminders.CreateJournal();
        await journal.TryClaimAsync(Claim("a", T0));
        var later = T0 + Duration.FromMinutes(11);

        var unfinished = await journal.ListUnfinishedAsync(later).ToListAsync();
        var claim = await journal.TryClaimAsync(Claim("b", later, "other@x.example"));

        Assert.Single(unfinished);
        Assert.Equal(ReminderClaimOutcome.TakenOver, claim.Outcome);
        Assert.Equal("m1@x.example", claim.Entry.MessageId);
        Assert.Equal(2, claim.Entry.Attempts);
        Assert.False(await journal.MarkSentAsync(Key, "a", later));
        Assert.True(await journal.MarkSentAsync(Key, "b", later));
    }

    [Fact]
    public async Task MarkFailed_TransientThenRetryAfterItsTime_PermanentNever()
    {
        var journal = InMemoryReminders.CreateJournal();
        await journal.TryClaimAsync(Claim("a", T0));
        await journal.MarkFailedAsync(Key, "a", new ReminderFailure(false, "421", T0, T0 + Duration.FromMinutes(30)));

        Assert.Equal(ReminderClaimOutcome.WaitingForRetry, (await journal.TryClaimAsync(Claim("a", T0 + Duration.FromMinutes(29)))).Outcome);
        var retry = await journal.TryClaimAsync(Claim("a", T0 + Duration.FromMinutes(30)));
        Assert.Equal(ReminderClaimOutcome.Retrying, retry.Outcome);

        await journal.MarkFailedAsync(Key, "a", new ReminderFailure(true, "550", T0));
        Assert.Equal(ReminderClaimOutcome.FailedPermanently, (await journal.TryClaimAsync(Claim("a", T0 + Duration.FromDays(300)))).Outcome);
        Assert.Empty(await journal.ListUnfinishedAsync(T0 + Duration.FromDays(300)).ToListAsync());
    }

    [Fact]
    public async Task TryClaim_ManyWorkersAtOnce_ExactlyOneOwns()
    {
        var journal = InMemoryReminders.CreateJournal();

        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => journal.TryClaimAsync(Claim("w" + i, T0)))));

        Assert.Single(claims, c => c.IsOwned);
    }

    [Fact]
    public void Requests_HostileValues_ThrowNamedRules()
    {
        Assert.Equal("DUN-KEY-INVOICE", Assert.Throws<InvoiceValidationException>(() => new ReminderKey(" ", "d+3")).Issues[0].RuleId);
        Assert.Equal("DUN-KEY-STEP", Assert.Throws<InvoiceValidationException>(() => new ReminderKey("F1", new string('x', 201))).Issues[0].RuleId);
        Assert.Equal("DUN-CLAIM-WORKER", Assert.Throws<InvoiceValidationException>(() => Claim("", T0)).Issues[0].RuleId);
        Assert.Equal("DUN-CLAIM-MESSAGE-ID", Assert.Throws<InvoiceValidationException>(() => Claim("a", T0, "")).Issues[0].RuleId);
        Assert.Equal("DUN-CLAIM-LEASE", Assert.Throws<InvoiceValidationException>(() => new ReminderClaimRequest(Key, "a", "m", new LocalDate(2026, 1, 1), T0, T0)).Issues[0].RuleId);
        Assert.Equal("DUN-KEY-INVOICE", Assert.Throws<InvoiceValidationException>(() => new ReminderClaimRequest(default, "a", "m", new LocalDate(2026, 1, 1), T0, T0 + Duration.FromSeconds(1))).Issues[0].RuleId);
    }

    [Fact]
    public async Task SettingsStore_SavesAndRejectsBlankKeys()
    {
        var store = InMemoryReminders.CreateSettingsStore();
        await store.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "C1", Language = "en" });
        await store.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = "F1", Disputed = true });

        Assert.Equal("en", (await store.GetCustomerAsync("C1"))!.Language);
        Assert.True((await store.GetInvoiceAsync("F1"))!.Disputed);
        Assert.Null(await store.GetCustomerAsync("C2"));
        Assert.Equal("DUN-SETTINGS-CUSTOMER", (await Assert.ThrowsAsync<InvoiceValidationException>(() => store.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "" }))).Issues[0].RuleId);
        Assert.Equal("DUN-SETTINGS-INVOICE", (await Assert.ThrowsAsync<InvoiceValidationException>(() => store.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = " " }))).Issues[0].RuleId);
    }

    [Fact]
    public void MessageIds_AreStableAndDistinct()
    {
        var a = MessageIds.For(new ReminderKey("F1", "d+3"), "reminders.example.com");

        Assert.Equal(a, MessageIds.For(new ReminderKey("F1", "d+3"), "reminders.example.com"));
        Assert.NotEqual(a, MessageIds.For(new ReminderKey("F1", "d+6"), "reminders.example.com"));
        Assert.NotEqual(a, MessageIds.For(new ReminderKey("F2", "d+3"), "reminders.example.com"));
        Assert.Matches("^reminder\\.dp3\\.[0-9a-f]{32}@reminders\\.example\\.com$", a);
        Assert.Equal("DUN-MESSAGE-ID-DOMAIN", Assert.Throws<InvoiceValidationException>(() => MessageIds.For(new ReminderKey("F1", "d+3"), "bad domain>")).Issues[0].RuleId);
    }
}
