using Invoicing.Core;
using Invoicing.France.Tests.Platform;
using NodaTime;

namespace Invoicing.France.Tests.Sending;

/// <summary>An issued invoice goes to the platform once, a failed send is retried, a rejected one is reported and stays rejected.</summary>
public sealed class FrenchPlatformSenderTests : IDisposable
{
    private readonly FakePlatform _platform = new();
    private readonly SenderHarness _host;

    public FrenchPlatformSenderTests() => _host = new SenderHarness(_platform);

    private int Posts => _platform.Requests.Count(r => r.Request.Method == "POST" && r.Request.Path == "/v1/flows");

    [Fact]
    public async Task SendAsync_Issued_FacturXSentOnceWithItsTrackingId()
    {
        var number = await _host.IssueAsync();

        var first = await _host.Sender.SendAsync(number);
        var second = await _host.Sender.SendAsync(number);

        Assert.Equal(PlatformSendOutcome.Sent, first.Outcome);
        Assert.Equal(PlatformSendOutcome.AlreadySent, second.Outcome);
        Assert.Equal(1, Posts);
        var flow = Assert.Single(_platform.Flows);
        Assert.Equal("inv-" + number, flow.TrackingId);
        Assert.Equal("Factur-X", flow.Syntax);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(flow.File, 0, 4), StringComparison.Ordinal);
        Assert.Equal(OutgoingFlowState.Sent, first.Flow.State);
        Assert.Equal(flow.FlowId, first.Flow.FlowId);
        _platform.AssertConformant();
    }

    [Theory]
    [InlineData(FlowSyntax.Cii, "CII")]
    [InlineData(FlowSyntax.Ubl, "UBL")]
    public async Task SendAsync_XmlSyntax_TheWritersXml(FlowSyntax syntax, string expected)
    {
        using var host = new SenderHarness(_platform, o => o.InvoiceSyntax = syntax);
        var number = await host.IssueAsync();

        await host.Sender.SendAsync(number);

        var flow = Assert.Single(_platform.Flows);
        Assert.Equal(expected, flow.Syntax);
        Assert.StartsWith("<?xml", System.Text.Encoding.UTF8.GetString(flow.File).TrimStart('\uFEFF'), StringComparison.Ordinal);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SendAsync_BuyerNotInDirectory_TypedErrorNothingRecordedNothingSent()
    {
        var number = await _host.IssueAsync(buyer: "552100554");

        await Assert.ThrowsAsync<BuyerNotInDirectoryException>(() => _host.Sender.SendAsync(number));

        Assert.Null(await _host.Flows.GetAsync(number, "pa-test"));
        Assert.Equal(0, Posts);
    }

    [Fact]
    public async Task SendAsync_NoSuchInvoice_TypedError()
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _host.Sender.SendAsync("F2099-99999"));

        Assert.Equal("PA-INVOICE", Assert.Single(e.Issues).RuleId);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task SendAsync_PlatformDown_RecordedFailedThenRetriedOnce()
    {
        using var host = new SenderHarness(_platform, o => o.MaxRetries = 0);
        var number = await host.IssueAsync();
        _platform.FailNext(503, operation: "createFlow");

        var e = await Assert.ThrowsAsync<FrenchPlatformException>(() => host.Sender.SendAsync(number));
        var failed = await host.Flows.GetAsync(number, "pa-test");
        var tooSoon = await host.Sender.SendAsync(number);
        host.Clock.Advance(Duration.FromMinutes(1));
        var retried = await host.Sender.SendAsync(number);

        Assert.True(e.IsTransient);
        Assert.Equal(OutgoingFlowState.Sending, failed!.State);
        Assert.Contains("RESOURCE_ERROR", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(PlatformSendOutcome.InProgressElsewhere, tooSoon.Outcome);
        Assert.Equal(PlatformSendOutcome.Sent, retried.Outcome);
        Assert.Equal(2, retried.Flow.Attempts);
        Assert.Single(_platform.Flows);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SendAsync_StoppedBetweenSentAndRecorded_FoundOnThePlatformNotSentAgain()
    {
        var number = await _host.IssueAsync();

        // A first attempt claims and submits, then its host dies before recording the flow id.
        var now = _host.Clock.GetCurrentInstant();
        await _host.Flows.TryClaimAsync(new OutgoingFlowClaimRequest(number, "pa-test", "inv-" + number, "dead-worker", now, now + Duration.FromMinutes(10)));
        await _host.FlowService.SubmitAsync(new FlowInfo(number + ".pdf", FlowSyntax.FacturX, "inv-" + number), "%PDF-1.7"u8.ToArray());
        _host.Clock.Advance(Duration.FromMinutes(10));

        var result = await _host.Sender.SendAsync(number);

        Assert.Equal(PlatformSendOutcome.FoundOnPlatform, result.Outcome);
        Assert.Equal(1, Posts);
        Assert.Equal(_platform.Flows[0].FlowId, result.Flow.FlowId);
        Assert.Equal(OutgoingFlowState.Acknowledged, result.Flow.State);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SendAsync_StoppedBeforeSubmitting_SentByTheTakeOver()
    {
        var number = await _host.IssueAsync();
        var now = _host.Clock.GetCurrentInstant();
        await _host.Flows.TryClaimAsync(new OutgoingFlowClaimRequest(number, "pa-test", "inv-" + number, "dead-worker", now, now + Duration.FromMinutes(10)));
        _host.Clock.Advance(Duration.FromMinutes(10));

        var result = await _host.Sender.SendAsync(number);

        Assert.Equal(PlatformSendOutcome.Sent, result.Outcome);
        Assert.Equal(1, Posts);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task RefreshAsync_PlatformRejected_RecordedWithTheReasonAndNeverSentAgain()
    {
        var number = await _host.IssueAsync();
        _platform.Rejections[number] = "BR-FR-12: the buyer's SIREN does not match the directory";
        await _host.Sender.SendAsync(number);

        var refreshed = await _host.Sender.RefreshAsync(number);
        var e = await Assert.ThrowsAsync<FlowRejectedException>(() => _host.Sender.SendAsync(number));

        Assert.Equal(OutgoingFlowState.Rejected, refreshed!.State);
        Assert.Equal("InvalidSchema: BR-FR-12: the buyer's SIREN does not match the directory", refreshed.Reason);
        Assert.Equal(number, e.InvoiceNumber);
        Assert.Contains("BR-FR-12", e.Message, StringComparison.Ordinal);
        Assert.Contains("credit note", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, Posts);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task RefreshAsync_PlatformAccepted_Acknowledged()
    {
        var number = await _host.IssueAsync();
        await _host.Sender.SendAsync(number);

        var refreshed = await _host.Sender.RefreshAsync(number);

        Assert.Equal(OutgoingFlowState.Acknowledged, refreshed!.State);
        Assert.Null(await _host.Sender.RefreshAsync("F2099-00001"));
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SendAsync_SubmissionRefused_RejectedWithTheReason()
    {
        var number = await _host.IssueAsync();
        _platform.FailNext(422, operation: "createFlow");

        var e = await Assert.ThrowsAsync<FlowRejectedException>(() => _host.Sender.SendAsync(number));

        Assert.Contains("RESOURCE_ERROR", e.Reason, StringComparison.Ordinal);
        Assert.Equal(OutgoingFlowState.Rejected, (await _host.Flows.GetAsync(number, "pa-test"))!.State);
        await Assert.ThrowsAsync<FlowRejectedException>(() => _host.Sender.SendAsync(number));
        Assert.Equal(1, Posts);
    }

    [Fact]
    public async Task SendAsync_ManyAtOnce_EachInvoiceSentOnce()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await _host.IssueAsync());
        }

        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => numbers).Select(n => Task.Run(() => _host.Sender.SendAsync(n))));

        Assert.Equal(5, Posts);
        Assert.Equal(numbers.Order(), _platform.Flows.Select(f => f.TrackingId![4..]).Order());
        _platform.AssertConformant();
    }

    public void Dispose()
    {
        _host.Dispose();
        _platform.Dispose();
    }
}
