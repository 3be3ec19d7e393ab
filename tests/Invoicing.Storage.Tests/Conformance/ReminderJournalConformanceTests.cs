using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IReminderJournal"/> must show (the rules documented on the interface). A journal's test
/// class derives from this one and says how to create a fresh, empty journal.
/// </summary>
public abstract class ReminderJournalConformanceTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 15, 8, 0);
    private static readonly ReminderKey Key = new("F2026-00001", "d+3");
    private IReminderJournal _journal = null!;

    /// <summary>Creates a fresh, empty journal.</summary>
    protected abstract Task<IReminderJournal> CreateJournalAsync();

    public async Task InitializeAsync() => _journal = await CreateJournalAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ReminderClaimRequest Claim(string worker, Instant now, string messageId = "m1@x.example", ReminderKey? key = null) =>
        new(key ?? Key, worker, messageId, new LocalDate(2026, 12, 18), now, now + Duration.FromMinutes(10));

    [Fact]
    public async Task TryClaimAsync_NewKey_ClaimedWithOneAttempt()
    {
        var claim = await _journal.TryClaimAsync(Claim("a", T0));

        Assert.Equal(ReminderClaimOutcome.Claimed, claim.Outcome);
        Assert.True(claim.IsOwned);
        Assert.Equal(new ReminderEntry { Key = Key, State = ReminderState.Claimed, MessageId = "m1@x.example", PlannedFor = new LocalDate(2026, 12, 18), WorkerId = "a", LeaseExpiresAt = T0 + Duration.FromMinutes(10), Attempts = 1, CreatedAt = T0 }, claim.Entry);
        Assert.Equal([claim.Entry], await _journal.ListByInvoiceAsync("F2026-00001"));
    }

    [Fact]
    public async Task TryClaimAsync_LiveLeaseOfAnotherWorker_HeldAndUnchanged()
    {
        var first = await _journal.TryClaimAsync(Claim("a", T0));

        var second = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromMinutes(5), "m2@x.example"));

        Assert.Equal(ReminderClaimOutcome.HeldByAnotherWorker, second.Outcome);
        Assert.False(second.IsOwned);
        Assert.Equal(first.Entry, Assert.Single(await _journal.ListByInvoiceAsync("F2026-00001")));
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredLease_TakenOverKeepingTheMessageId()
    {
        await _journal.TryClaimAsync(Claim("a", T0));

        var later = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromMinutes(10), "m2@x.example"));

        Assert.Equal(ReminderClaimOutcome.TakenOver, later.Outcome);
        Assert.Equal("b", later.Entry.WorkerId);
        Assert.Equal(2, later.Entry.Attempts);
        Assert.Equal("m1@x.example", later.Entry.MessageId);
        Assert.False(await _journal.MarkSentAsync(Key, "a", T0 + Duration.FromMinutes(11)));
        Assert.True(await _journal.MarkSentAsync(Key, "b", T0 + Duration.FromMinutes(11)));
    }

    [Fact]
    public async Task MarkSentAsync_ThenClaim_AlreadySent()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        Assert.True(await _journal.MarkSentAsync(Key, "a", T0 + Duration.FromMinutes(1)));

        var again = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromDays(3)));

        Assert.Equal(ReminderClaimOutcome.AlreadySent, again.Outcome);
        Assert.Equal(ReminderState.Sent, again.Entry.State);
        Assert.Equal(T0 + Duration.FromMinutes(1), again.Entry.SentAt);
        Assert.False(await _journal.MarkSentAsync(Key, "a", T0 + Duration.FromMinutes(2)));
    }

    [Fact]
    public async Task MarkFailedAsync_Transient_WaitsThenRetries()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        Assert.True(await _journal.MarkFailedAsync(Key, "a", new ReminderFailure(false, "421 try later", T0 + Duration.FromMinutes(1), T0 + Duration.FromHours(1))));

        var early = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromMinutes(30)));
        var unfinishedEarly = await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromMinutes(30)));
        var unfinishedLate = await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromHours(1)));
        var retry = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromHours(1)));

        Assert.Equal(ReminderClaimOutcome.WaitingForRetry, early.Outcome);
        Assert.Empty(unfinishedEarly);
        Assert.Equal("421 try later", Assert.Single(unfinishedLate).LastError);
        Assert.Equal(ReminderClaimOutcome.Retrying, retry.Outcome);
        Assert.Equal(2, retry.Entry.Attempts);
        Assert.Null(retry.Entry.NextAttemptAt);
    }

    [Fact]
    public async Task MarkFailedAsync_Permanent_NeverClaimedAgain()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        Assert.True(await _journal.MarkFailedAsync(Key, "a", new ReminderFailure(true, "550 no such user", T0)));

        var again = await _journal.TryClaimAsync(Claim("b", T0 + Duration.FromDays(30)));

        Assert.Equal(ReminderClaimOutcome.FailedPermanently, again.Outcome);
        Assert.Empty(await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromDays(30))));
    }

    [Fact]
    public async Task MarkAsync_UnknownKeyOrWrongWorker_FalseAndNothingChanged()
    {
        var claim = await _journal.TryClaimAsync(Claim("a", T0));

        Assert.False(await _journal.MarkSentAsync(new ReminderKey("F2026-00002", "d+3"), "a", T0));
        Assert.False(await _journal.MarkSentAsync(Key, "intruder", T0));
        Assert.False(await _journal.MarkFailedAsync(Key, "' OR 1=1 --", new ReminderFailure(true, "x", T0)));
        Assert.Equal(claim.Entry, Assert.Single(await _journal.ListByInvoiceAsync("F2026-00001")));
        Assert.Empty(await _journal.ListByInvoiceAsync("F2026-00002"));
    }

    [Fact]
    public async Task ListUnfinishedAsync_ExpiredClaim_ListedForTakeOver()
    {
        await _journal.TryClaimAsync(Claim("a", T0));
        await _journal.TryClaimAsync(Claim("a", T0, key: new ReminderKey("F2026-00002", "d+3")));
        await _journal.MarkSentAsync(new ReminderKey("F2026-00002", "d+3"), "a", T0);

        var live = await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromMinutes(9)));
        var expired = await ToListAsync(_journal.ListUnfinishedAsync(T0 + Duration.FromMinutes(10)));

        Assert.Empty(live);
        Assert.Equal(Key, Assert.Single(expired).Key);
    }

    [Fact]
    public async Task TryClaimAsync_16WorkersAtOnce_ExactlyOneOwnsEachKey()
    {
        var keys = Enumerable.Range(1, 20).Select(i => new ReminderKey($"F2026-{i:00000}", "d+3")).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var owned = new List<ReminderKey>();
            foreach (var key in keys)
            {
                var claim = await _journal.TryClaimAsync(Claim($"w{worker}", T0, $"m-{key}@x.example", key));
                if (claim.IsOwned)
                {
                    owned.Add(key);
                }
            }

            return owned;
        })));

        Assert.Equal(keys.OrderBy(k => k.InvoiceNumber, StringComparer.Ordinal), claims.SelectMany(c => c).OrderBy(k => k.InvoiceNumber, StringComparer.Ordinal));
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

/// <summary>The journal suite against the in-memory journal of Core.</summary>
public sealed class InMemoryReminderJournalConformanceTests : ReminderJournalConformanceTests
{
    protected override Task<IReminderJournal> CreateJournalAsync() => Task.FromResult(InMemoryReminders.CreateJournal());
}
