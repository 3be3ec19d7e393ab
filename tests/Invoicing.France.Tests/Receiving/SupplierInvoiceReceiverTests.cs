using System.Text;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.France.Tests.Platform;
using Invoicing.Pdf;

namespace Invoicing.France.Tests.Receiving;

/// <summary>Supplier invoices fetched from a platform that checks every call against the AFNOR documents, kept in SQLite.</summary>
public sealed class SupplierInvoiceReceiverTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly PlatformClients _clients;
    private readonly SqliteInvoices _db = new();

    public SupplierInvoiceReceiverTests() => _clients = new PlatformClients(_platform);

    private SupplierInvoiceReceiver Receiver => new(_clients.Flows, _db.Received, _clients.Clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        _platform.Dispose();
        await _db.DisposeAsync();
    }

    /// <summary>The French sample as a supplier sends it to us: we are its buyer.</summary>
    internal static Invoice SupplierInvoice(string number = "SUP-2026-0001") => SqliteInvoices.Sample() with { Number = number };

    /// <summary>An invoice the validator refuses (no seller VAT id with standard-rated lines, BR-S-02) but the writer still writes.</summary>
    private static Invoice InvalidInvoice()
    {
        var invoice = SupplierInvoice("SUP-2026-0002");
        invoice = invoice with { Seller = invoice.Seller with { VatId = null } };
        Assert.False(InvoiceValidator.Validate(invoice).IsValid);
        return invoice;
    }

    private IReadOnlyList<CdarMessage> StatusesSent() =>
        _platform.Flows.Where(f => f.Direction == "Out" && f.Syntax == "CDAR").Select(f => CdarReader.Read(f.File)).ToList();

    [Fact]
    public async Task ReceiveAsync_NewFlows_StoresEachOnceWithItsValidationAndRefusesTheInvalid()
    {
        var valid = _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoice()));
        var invalid = _platform.Deliver("SUP-2026-0002.xml", "CII", CiiWriter.ToBytes(InvalidInvoice()));
        var garbage = _platform.Deliver("broken.xml", "CII", Encoding.UTF8.GetBytes("<rsm:CrossIndustryInvoice"));
        _platform.Deliver("status.xml", "CDAR", CdarWriter.ToBytes(CdarSamples.For(LifecycleStatus.Approved)), type: "CustomerInvoiceLC");

        var result = await Receiver.ReceiveAsync();

        Assert.Equal([valid.FlowId, invalid.FlowId, garbage.FlowId], result.Stored);
        Assert.Equal([invalid.FlowId], result.Refused);
        var stored = await _db.Received.GetAsync(valid.FlowId);
        Assert.True(stored!.IsValid);
        Assert.Equal(("SUP-2026-0001", "CII", "SUP-2026-0001.xml"), (stored.SupplierInvoiceNumber, stored.Syntax, stored.FileName));
        Assert.Equal(valid.File, stored.Content.ToArray());
        Assert.Null(stored.BuyerStatus);
        var unreadable = await _db.Received.GetAsync(garbage.FlowId);
        Assert.Equal(("FR-RECEIVED-UNREADABLE", false), (Assert.Single(unreadable!.Issues).RuleId, unreadable.IsValid));
        Assert.Equal("210", (await _db.Received.GetAsync(invalid.FlowId))!.BuyerStatus);
        var refusal = Assert.Single(StatusesSent());
        var report = Assert.Single(refusal.Reports);
        Assert.Equal(("SUP-2026-0002", LifecycleStatus.Refused, "NON_CONFORME"), (report.InvoiceNumber, report.Status, report.Reasons[0].Code));
        Assert.Contains("BR-S-02", report.Reasons[0].Text, StringComparison.Ordinal);
        Assert.Equal((CdarRoles.Buyer, "987654324", CdarRoles.Seller, "123456782"), (refusal.Issuer.Role, refusal.Issuer.Id!.Value.Value, refusal.Recipients[0].Role, refusal.Recipients[0].Id!.Value.Value));
        _platform.AssertConformant();
    }

    [Fact]
    public async Task ReceiveAsync_Again_FetchesNothingTwiceAndSendsNoSecondStatus()
    {
        _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoice()));
        _platform.Deliver("SUP-2026-0002.xml", "CII", CiiWriter.ToBytes(InvalidInvoice()));
        await Receiver.ReceiveAsync();
        var downloads = _platform.Requests.Count(r => r.Request.Query.ContainsKey("docType"));

        var again = await Receiver.ReceiveAsync();

        Assert.Equal(([], 2, []), (again.Stored.ToArray(), again.AlreadyStored, again.Refused.ToArray()));
        Assert.Equal(downloads, _platform.Requests.Count(r => r.Request.Query.ContainsKey("docType")));
        Assert.Single(StatusesSent());
        Assert.Equal(2, (await _db.Received.ListAsync()).Count);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task ReceiveAsync_FacturXPdf_ReadThroughItsEmbeddedXml()
    {
        var flow = _platform.Deliver("SUP-2026-0003.pdf", "Factur-X", FacturXPdf.ToBytes(SupplierInvoice("SUP-2026-0003"), FacturXProfile.En16931));

        await Receiver.ReceiveAsync();

        var stored = await _db.Received.GetAsync(flow.FlowId);
        Assert.Equal(("SUP-2026-0003", true), (stored!.SupplierInvoiceNumber, stored.IsValid));
        _platform.AssertConformant();
    }

    [Fact]
    public async Task ApproveAsync_ValidInvoice_SendsApprovedOnceAndRecordsIt()
    {
        var flow = _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoice()));
        await Receiver.ReceiveAsync();

        var receipt = await Receiver.ApproveAsync(flow.FlowId);
        var resent = await Receiver.ApproveAsync(flow.FlowId);

        var sent = _platform.Flows.Where(f => f.Syntax == "CDAR").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].TrackingId, sent[1].TrackingId);
        Assert.NotNull(sent[1].Rejection);
        Assert.Equal(receipt.TrackingId, resent.TrackingId);
        var approval = CdarReader.Read(sent[0].File);
        Assert.Equal((LifecycleStatus.Approved, "SUP-2026-0001"), (approval.Reports[0].Status, approval.Reports[0].InvoiceNumber));
        Assert.Equal("205", (await _db.Received.GetAsync(flow.FlowId))!.BuyerStatus);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task RefuseAsync_ReasonRefusalDoesNotAllow_RefusedNamingTheRuleAndNothingSent()
    {
        var flow = _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoice()));
        await Receiver.ReceiveAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Receiver.RefuseAsync(flow.FlowId, new StatusReason("JUSTIF_ABS")));

        Assert.Equal(("BR-FR-CDV-CL-09_MDT-113_210", "reports[0].reasons[0].code"), (error.Issues[0].RuleId, error.Issues[0].Path));
        Assert.Empty(StatusesSent());
        Assert.Null((await _db.Received.GetAsync(flow.FlowId))!.BuyerStatus);
    }

    [Fact]
    public async Task RefuseAsync_WithReason_SendsRefusedWithIt()
    {
        var flow = _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoice()));
        await Receiver.ReceiveAsync();

        await Receiver.RefuseAsync(flow.FlowId, new StatusReason("CMD_ERR", "Commande PO-4512 inconnue."));

        var reason = Assert.Single(Assert.Single(StatusesSent()).Reports[0].Reasons);
        Assert.Equal(new StatusReason("CMD_ERR", "Commande PO-4512 inconnue."), reason);
        Assert.Equal("210", (await _db.Received.GetAsync(flow.FlowId))!.BuyerStatus);
    }

    [Theory]
    [InlineData("unknown-flow", "FR-RECEIVED-UNKNOWN")]
    [InlineData(" ", "RCV-FLOW-ID")]
    public async Task ApproveAsync_NoSuchDocument_RefusedNamingTheField(string flowId, string rule)
    {
        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Receiver.ApproveAsync(flowId));

        Assert.Equal((rule, "flowId"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public async Task ApproveAsync_UnreadableDocument_RefusedSayingItNamesNoInvoice()
    {
        var flow = _platform.Deliver("broken.xml", "CII", Encoding.UTF8.GetBytes("not xml"));
        await Receiver.ReceiveAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Receiver.ApproveAsync(flow.FlowId));

        Assert.Equal("FR-RECEIVED-UNREADABLE", error.Issues[0].RuleId);
    }
}
