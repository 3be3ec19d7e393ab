using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IOutgoingFlowStore"/> must show: one record per (invoice, platform), one owner per
/// claim even under concurrency, a take-over only after the lease and with the same tracking id, recordings that change
/// a record only from the state they expect, and bad requests refused naming the rule and the field, storing nothing.
/// A store's test class derives from this one and says how to create a fresh, empty store.
/// </summary>
public abstract class OutgoingFlowConformanceTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 15, 8, 0);
    private IOutgoingFlowStore _flows = null!;

    /// <summary>Creates a fresh, empty store.</summary>
    protected abstract Task<IOutgoingFlowStore> CreateFlowStoreAsync();

    public async Task InitializeAsync() => _flows = await CreateFlowStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static OutgoingFlowClaimRequest Claim(string number = "F2026-00001", string worker = "w1", Instant? at = null, string platform = "pa-main", string? trackingId = null)
    {
        var now = at ?? Now;
        return new OutgoingFlowClaimRequest(number, platform, trackingId ?? "inv-" + number, worker, now, now + Duration.FromMinutes(10));
    }

    [Fact]
    public async Task TryClaimAsync_New_ClaimedAndStoredAsSending()
    {
        var claim = await _flows.TryClaimAsync(Claim());

        Assert.Equal(OutgoingFlowClaimOutcome.Claimed, claim.Outcome);
        Assert.True(claim.IsOwned);
        var stored = await _flows.GetAsync("F2026-00001", "pa-main");
        Assert.Equal(claim.Flow, stored);
        Assert.Equal(OutgoingFlowState.Sending, stored!.State);
        Assert.Equal("inv-F2026-00001", stored.TrackingId);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(Now, stored.CreatedAt);
    }

    [Fact]
    public async Task TryClaimAsync_HeldLease_RefusedWithoutChange()
    {
        await _flows.TryClaimAsync(Claim());

        var second = await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromMinutes(9)));

        Assert.Equal(OutgoingFlowClaimOutcome.HeldByAnotherWorker, second.Outcome);
        Assert.False(second.IsOwned);
        Assert.Equal("w1", (await _flows.GetAsync("F2026-00001", "pa-main"))!.WorkerId);
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredLease_TakenOverWithTheSameTrackingId()
    {
        await _flows.TryClaimAsync(Claim());

        var takeover = await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromMinutes(10), trackingId: "another-id"));

        Assert.Equal(OutgoingFlowClaimOutcome.TakenOver, takeover.Outcome);
        Assert.Equal("inv-F2026-00001", takeover.Flow.TrackingId);
        Assert.Equal("w2", takeover.Flow.WorkerId);
        Assert.Equal(2, takeover.Flow.Attempts);
        Assert.Equal(takeover.Flow, await _flows.GetAsync("F2026-00001", "pa-main"));
    }

    [Fact]
    public async Task TryClaimAsync_SentAcknowledgedOrRejected_NeverOwnedAgain()
    {
        await _flows.TryClaimAsync(Claim("F2026-00001"));
        await _flows.MarkSentAsync("F2026-00001", "pa-main", "w1", "flow-1", Now);
        await _flows.TryClaimAsync(Claim("F2026-00002"));
        await _flows.MarkSentAsync("F2026-00002", "pa-main", "w1", "flow-2", Now);
        await _flows.RecordAcknowledgementAsync("F2026-00002", "pa-main", accepted: false, "InvalidSchema: BR-FR-01", Now);
        var later = Now + Duration.FromDays(1);

        Assert.Equal(OutgoingFlowClaimOutcome.AlreadySent, (await _flows.TryClaimAsync(Claim("F2026-00001", "w2", later))).Outcome);
        Assert.Equal(OutgoingFlowClaimOutcome.Rejected, (await _flows.TryClaimAsync(Claim("F2026-00002", "w2", later))).Outcome);
        await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: true, null, later);
        Assert.Equal(OutgoingFlowClaimOutcome.AlreadySent, (await _flows.TryClaimAsync(Claim("F2026-00001", "w2", later))).Outcome);
    }

    [Fact]
    public async Task TryClaimAsync_OtherPlatform_ItsOwnRecord()
    {
        await _flows.TryClaimAsync(Claim());

        var other = await _flows.TryClaimAsync(Claim(platform: "pa-backup"));

        Assert.Equal(OutgoingFlowClaimOutcome.Claimed, other.Outcome);
        Assert.Equal(2, (await _flows.ListByInvoiceAsync("F2026-00001")).Count);
    }

    [Fact]
    public async Task TryClaimAsync_TrackingIdOfAnotherInvoice_RefusedNamingTheRule()
    {
        await _flows.TryClaimAsync(Claim("F2026-00001", trackingId: "shared"));

        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _flows.TryClaimAsync(Claim("F2026-00002", trackingId: "shared")));

        Assert.Equal("FLOW-06", Assert.Single(e.Issues).RuleId);
        Assert.Null(await _flows.GetAsync("F2026-00002", "pa-main"));
    }

    [Theory]
    [InlineData("", "pa", "t", "w", 10, "FLOW-01", "invoiceNumber")]
    [InlineData("F1", " ", "t", "w", 10, "FLOW-02", "platform")]
    [InlineData("F1", "pa", "", "w", 10, "FLOW-03", "trackingId")]
    [InlineData("F1", "pa", "0123456789012345678901234567890123456789012345678901234567890123456789", "w", 10, "FLOW-03", "trackingId")]
    [InlineData("F1", "pa", "t", "", 10, "FLOW-04", "workerId")]
    [InlineData("F1", "pa", "t", "w", 0, "FLOW-05", "leaseExpiresAt")]
    public async Task TryClaimAsync_BadRequest_RefusedNamingTheFieldAndNothingStored(string number, string platform, string trackingId, string worker, int leaseMinutes, string rule, string path)
    {
        var request = new OutgoingFlowClaimRequest(number, platform, trackingId, worker, Now, Now + Duration.FromMinutes(leaseMinutes));

        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _flows.TryClaimAsync(request));

        var issue = Assert.Single(e.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal(path, issue.Path);
        Assert.Empty(await _flows.ListByInvoiceAsync(number));
    }

    [Fact]
    public async Task TryClaimAsync_ManyWorkersAtOnce_OneOwnerPerInvoice()
    {
        var owned = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var count = 0;
            for (var i = 1; i <= 20; i++)
            {
                count += (await _flows.TryClaimAsync(Claim($"F2026-{i:00000}", $"w{worker}"))).IsOwned ? 1 : 0;
            }

            return count;
        })));

        Assert.Equal(20, owned.Sum());
    }

    [Fact]
    public async Task MarkSentAsync_ByTheHolder_SentWithTheFlowId()
    {
        await _flows.TryClaimAsync(Claim());

        Assert.True(await _flows.MarkSentAsync("F2026-00001", "pa-main", "w1", "flow-1", Now + Duration.FromSeconds(2)));

        var sent = await _flows.GetAsync("F2026-00001", "pa-main");
        Assert.Equal(OutgoingFlowState.Sent, sent!.State);
        Assert.Equal("flow-1", sent.FlowId);
        Assert.Equal(Now + Duration.FromSeconds(2), sent.SentAt);
        Assert.Single(await _flows.ListAsync("pa-main", OutgoingFlowState.Sent));
    }

    [Fact]
    public async Task MarkSentAsync_NotTheHolderOrTwice_NoChange()
    {
        await _flows.TryClaimAsync(Claim());
        await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromMinutes(11)));

        Assert.False(await _flows.MarkSentAsync("F2026-00001", "pa-main", "w1", "flow-late", Now + Duration.FromMinutes(12)));
        Assert.True(await _flows.MarkSentAsync("F2026-00001", "pa-main", "w2", "flow-1", Now + Duration.FromMinutes(12)));
        Assert.False(await _flows.MarkSentAsync("F2026-00001", "pa-main", "w2", "flow-2", Now + Duration.FromMinutes(13)));
        Assert.False(await _flows.MarkSentAsync("F2026-00099", "pa-main", "w2", "flow-3", Now));
        Assert.Equal("flow-1", (await _flows.GetAsync("F2026-00001", "pa-main"))!.FlowId);
    }

    [Fact]
    public async Task MarkFailedAsync_ReasonKeptAndRetryAfterTheGivenTime()
    {
        await _flows.TryClaimAsync(Claim());

        Assert.True(await _flows.MarkFailedAsync("F2026-00001", "pa-main", "w1", "The platform did not answer", Now + Duration.FromMinutes(1)));

        var failed = await _flows.GetAsync("F2026-00001", "pa-main");
        Assert.Equal(OutgoingFlowState.Sending, failed!.State);
        Assert.Equal("The platform did not answer", failed.Reason);
        Assert.Equal(OutgoingFlowClaimOutcome.HeldByAnotherWorker, (await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromSeconds(59)))).Outcome);
        var retry = await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromMinutes(1)));
        Assert.Equal(OutgoingFlowClaimOutcome.TakenOver, retry.Outcome);
        Assert.Equal("The platform did not answer", retry.Flow.Reason);
    }

    [Fact]
    public async Task RecordAcknowledgementAsync_OnlyFromTheExpectedStates()
    {
        await _flows.TryClaimAsync(Claim());
        Assert.False(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: true, null, Now));

        await _flows.MarkSentAsync("F2026-00001", "pa-main", "w1", "flow-1", Now);
        Assert.True(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: true, null, Now + Duration.FromMinutes(1)));
        Assert.False(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: true, null, Now + Duration.FromMinutes(2)));
        Assert.True(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: false, "Refused by the buyer's platform", Now + Duration.FromMinutes(3)));
        Assert.False(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: true, null, Now + Duration.FromMinutes(4)));

        var rejected = await _flows.GetAsync("F2026-00001", "pa-main");
        Assert.Equal(OutgoingFlowState.Rejected, rejected!.State);
        Assert.Equal("Refused by the buyer's platform", rejected.Reason);
        Assert.Equal(Now + Duration.FromMinutes(3), rejected.AcknowledgedAt);
        Assert.Equal("flow-1", rejected.FlowId);
    }

    [Fact]
    public async Task RecordAcknowledgementAsync_SubmissionRefused_RejectedFromSending()
    {
        await _flows.TryClaimAsync(Claim());

        Assert.True(await _flows.RecordAcknowledgementAsync("F2026-00001", "pa-main", accepted: false, "INVALID_FILE (the file is not a Factur-X PDF)", Now));

        var rejected = await _flows.GetAsync("F2026-00001", "pa-main");
        Assert.Equal(OutgoingFlowState.Rejected, rejected!.State);
        Assert.Null(rejected.FlowId);
        Assert.Equal(OutgoingFlowClaimOutcome.Rejected, (await _flows.TryClaimAsync(Claim(worker: "w2", at: Now + Duration.FromDays(1)))).Outcome);
    }

    [Fact]
    public async Task ListAsync_ByPlatformAndState_OldestFirst()
    {
        await _flows.TryClaimAsync(Claim("F2026-00002", at: Now + Duration.FromMinutes(1)));
        await _flows.TryClaimAsync(Claim("F2026-00001"));
        await _flows.TryClaimAsync(Claim("F2026-00003", platform: "pa-backup"));

        var sending = await _flows.ListAsync("pa-main", OutgoingFlowState.Sending);

        Assert.Equal(["F2026-00001", "F2026-00002"], sending.Select(f => f.InvoiceNumber));
        Assert.Empty(await _flows.ListAsync("pa-main", OutgoingFlowState.Sent));
        Assert.Empty(await _flows.ListByInvoiceAsync("F2026-09999"));
        Assert.Null(await _flows.GetAsync("F2026-00003", "pa-main"));
    }
}
