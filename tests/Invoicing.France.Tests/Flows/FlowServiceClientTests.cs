using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;
using Invoicing.France.Tests.Platform;

namespace Invoicing.France.Tests.Flows;

/// <summary>The Flow Service client against a platform that checks every request and answer against the AFNOR document.</summary>
public sealed class FlowServiceClientTests : IDisposable
{
    private static readonly byte[] Xml = Encoding.UTF8.GetBytes("<Invoice>F2026-00001</Invoice>");
    private readonly FakePlatform _platform = new();
    private readonly PlatformClients _clients;

    public FlowServiceClientTests() => _clients = new PlatformClients(_platform);

    [Fact]
    public async Task SubmitAsync_Xml_SendsTheDocumentedMultipartAndReturnsTheFlowId()
    {
        var receipt = await _clients.Flows.SubmitAsync(new FlowInfo("F2026-00001.xml", FlowSyntax.Cii, "inv-F2026-00001", ProcessingRule.B2B, FlowProfile.Cius), Xml);

        var flow = Assert.Single(_platform.Flows);
        _platform.AssertConformant();
        Assert.Equal(flow.FlowId, receipt.FlowId);
        Assert.Equal("inv-F2026-00001", receipt.TrackingId);
        Assert.Equal(Xml, flow.File);
        var (_, request) = Assert.Single(_platform.Requests);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Xml)), Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SubmitAsync_FacturX_SendsThePdfAsApplicationPdf()
    {
        await _clients.Flows.SubmitAsync(new FlowInfo("F2026-00002.pdf", FlowSyntax.FacturX, "inv-2"), "%PDF-1.7 test"u8.ToArray());

        var (_, request) = Assert.Single(_platform.Requests);
        Assert.Contains("Content-Type: application/pdf", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
        Assert.Equal("Factur-X", Assert.Single(_platform.Flows).Syntax);
        _platform.AssertConformant();
    }

    [Theory]
    [InlineData("", "inv", "PA-FLOW-NAME", "flowInfo.name")]
    [InlineData("a.xml", "", "PA-TRACKING-ID", "flowInfo.trackingId")]
    [InlineData("a.xml", "0123456789012345678901234567890123456789012345678901234567890123456789", "PA-TRACKING-ID", "flowInfo.trackingId")]
    [InlineData("a\u0001.xml", "inv", "PA-FLOW-NAME", "flowInfo.name")]
    public async Task SubmitAsync_BadFlowInfo_RefusedBeforeAnyCall(string name, string trackingId, string rule, string path)
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Flows.SubmitAsync(new FlowInfo(name, FlowSyntax.Cii, trackingId), Xml));

        var issue = Assert.Single(e.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal(path, issue.Path);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task SubmitAsync_EmptyFile_RefusedBeforeAnyCall()
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Flows.SubmitAsync(new FlowInfo("a.xml", FlowSyntax.Cii), ReadOnlyMemory<byte>.Empty));

        Assert.Equal("PA-FILE", Assert.Single(e.Issues).RuleId);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task SearchAsync_ByTrackingId_FindsTheFlowWithItsAcknowledgement()
    {
        _platform.Rejections["bad"] = "BR-FR-01: the seller's SIREN is missing";
        await _clients.Flows.SubmitAsync(new FlowInfo("good.xml", FlowSyntax.Cii, "t-good"), Xml);
        await _clients.Flows.SubmitAsync(new FlowInfo("bad.xml", FlowSyntax.Cii, "t-bad"), Xml);

        var page = await _clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t-bad" });

        var flow = Assert.Single(page.Flows);
        Assert.Equal("t-bad", flow.TrackingId);
        Assert.Equal(FlowAckStatus.Error, flow.AckStatus);
        Assert.Equal(FlowType.CustomerInvoice, flow.Type);
        Assert.Equal(FlowDirection.Out, flow.Direction);
        Assert.Equal("InvalidSchema: BR-FR-01: the seller's SIREN is missing", flow.ErrorReasons);
        Assert.Null(page.NextCursor);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task SearchAsync_NoCriterion_RefusedBeforeAnyCall()
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Flows.SearchAsync(new FlowSearchCriteria()));

        Assert.Equal("PA-SEARCH", Assert.Single(e.Issues).RuleId);
        Assert.Empty(_platform.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task SearchAsync_LimitOutOfRange_RefusedBeforeAnyCall(int limit)
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t", Limit = limit }));

        Assert.Equal("limit", Assert.Single(e.Issues).Path);
    }

    [Fact]
    public async Task SearchAsync_AllCriteria_MatchTheDocument()
    {
        await _clients.Flows.SearchAsync(new FlowSearchCriteria
        {
            UpdatedAfter = _clients.Clock.GetCurrentInstant(),
            UpdatedBefore = _clients.Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(1),
            Types = [FlowType.CustomerInvoice, FlowType.CustomerInvoiceLifecycle],
            Direction = FlowDirection.Out,
            AckStatus = FlowAckStatus.Error,
            Limit = 100,
            Cursor = "eyJpZCI6MTIzNH0=",
        });

        Assert.Single(_platform.Requests);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task GetAsync_KnownAndUnknown_FlowOrNull()
    {
        var receipt = await _clients.Flows.SubmitAsync(new FlowInfo("a.xml", FlowSyntax.Ubl, "t-a"), Xml);

        var flow = await _clients.Flows.GetAsync(receipt.FlowId);
        var missing = await _clients.Flows.GetAsync("no-such-flow");

        Assert.Equal(receipt.FlowId, flow!.FlowId);
        Assert.Equal(FlowAckStatus.Ok, flow.AckStatus);
        Assert.Null(missing);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task DownloadAsync_Original_TheBytesSent()
    {
        var receipt = await _clients.Flows.SubmitAsync(new FlowInfo("a.xml", FlowSyntax.Cii, "t-a"), Xml);

        var file = await _clients.Flows.DownloadAsync(receipt.FlowId, FlowDocumentType.Original);

        Assert.Equal(Xml, file);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task Webhooks_CreateListDelete_MatchTheDocument()
    {
        var created = await _clients.Flows.CreateWebhookAsync(new FlowWebhookSubscription(new Uri("https://host.example.com/hooks")) { Types = [FlowType.CustomerInvoiceLifecycle], Direction = FlowDirection.In });
        var listed = await _clients.Flows.ListWebhooksAsync();
        var deleted = await _clients.Flows.DeleteWebhookAsync(created.Id);
        var unknown = await _clients.Flows.DeleteWebhookAsync(Guid.Parse("00000000-0000-4000-8000-000000000001"));

        Assert.NotNull(created.SigningKey);
        Assert.Equal(new Uri("https://host.example.com/hooks"), created.CallbackUrl);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.True(deleted);
        Assert.False(unknown);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task CreateWebhookAsync_RelativeUrl_RefusedBeforeAnyCall()
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Flows.CreateWebhookAsync(new FlowWebhookSubscription(new Uri("/hooks", UriKind.Relative))));

        Assert.Equal("callbackUrl", Assert.Single(e.Issues).Path);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task IsHealthyAsync_Up_True_Down_False()
    {
        Assert.True(await _clients.Flows.IsHealthyAsync());
        for (var i = 0; i < 4; i++)
        {
            _platform.FailNext(503);
        }

        Assert.False(await _clients.Flows.IsHealthyAsync());
        _platform.AssertConformant();
    }

    public void Dispose()
    {
        _clients.Dispose();
        _platform.Dispose();
    }
}
