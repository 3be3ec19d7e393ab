using System.Net;
using Invoicing.Pdf;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class DownloadTests
{
    [Fact]
    public async Task Pdf_IsAPdfNamedAfterTheInvoice()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);

        using var response = await browser.GetAsync("/portal/invoices/" + invoice.Number + "/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(invoice.Number + ".pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public async Task FacturX_EmbeddedXmlTotals_EqualTheInvoices()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, netPrice: 333.33m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);

        using var response = await browser.GetAsync("/portal/invoices/" + invoice.Number + "/facturx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(invoice.Number + "-factur-x.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var read = FacturXReader.Read(bytes);
        Assert.Equal(invoice.Number, read.Invoice.Number);
        Assert.Equal(invoice.Totals.TaxExclusiveAmount, read.StatedTotals.TaxExclusiveAmount);
        Assert.Equal(invoice.Totals.VatTotal, read.StatedTotals.VatTotal);
        Assert.Equal(invoice.Totals.TaxInclusiveAmount, read.StatedTotals.TaxInclusiveAmount);
        Assert.Equal(invoice.Totals.AmountDue, read.StatedTotals.AmountDue);
    }

    [Fact]
    public async Task Downloads_WithoutSession_AreRefused()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);

        using var response = await host.Browser().GetAsync("/portal/invoices/" + invoice.Number + "/pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
