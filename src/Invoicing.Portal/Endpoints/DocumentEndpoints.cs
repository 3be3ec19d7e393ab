using Invoicing.Core;
using Invoicing.Pdf;
using Invoicing.Portal.Accounts;
using Invoicing.Portal.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Portal.Endpoints;

/// <summary>The pages and files of the session's customer. Each takes the number from the URL and checks it is theirs.</summary>
internal static class DocumentEndpoints
{
    /// <summary>
    /// Runs <paramref name="action"/> on the customer's document of <paramref name="number"/>: without a session the
    /// answer is "session ended", for an unknown number or another customer's the same "not found".
    /// </summary>
    public static async Task<IResult> WithDocumentAsync(HttpContext http, string prefix, string number, bool isPost, Func<PortalRequest, PortalDocument, Task<IResult>> action)
    {
        var request = await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false);
        if (request.CustomerKey is not { } customerKey)
        {
            return request.SessionEnded();
        }

        if (isPost && !await request.IsFormValidAsync().ConfigureAwait(false))
        {
            return request.BadForm();
        }

        var document = await request.Documents.FindAsync(customerKey, number, request.Today, request.Aborted).ConfigureAwait(false);
        return document is null ? request.NotFound() : await action(request, document).ConfigureAwait(false);
    }

    /// <summary>GET invoices: the list.</summary>
    public static async Task<IResult> ListAsync(HttpContext http, string prefix)
    {
        var request = await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false);
        if (request.CustomerKey is not { } customerKey)
        {
            return request.SessionEnded();
        }

        var documents = await request.Documents.ListAsync(customerKey, request.Today, request.Aborted).ConfigureAwait(false);
        return PortalRequest.Html(ListPage.Render(request.Page(request.ListPath, withForms: true), documents));
    }

    /// <summary>GET invoices/{number}: the detail page; the view is recorded as a viewed event when the host has an event store.</summary>
    public static Task<IResult> DetailAsync(HttpContext http, string prefix, string number) =>
        WithDocumentAsync(http, prefix, number, isPost: false, async (request, document) =>
        {
            if (request.Services.GetService<IInvoiceEventStore>() is { } events)
            {
                var clock = request.Services.GetRequiredService<Security.PortalTokens>().Clock;
                await events.RecordViewedAsync(document.Number, clock.GetCurrentInstant(), "portal", request.Aborted).ConfigureAwait(false);
            }

            var page = request.Page(ListPage.DetailPath(request.BasePath, document.Number), withForms: true);
            return PortalRequest.Html(DetailPage.Render(page, document, PayEndpoint.CanPay(request, document), DisputeEndpoint.CanDispute(request, document)));
        });

    /// <summary>GET invoices/{number}/pdf: the plain PDF, in the page's language.</summary>
    public static Task<IResult> PdfAsync(HttpContext http, string prefix, string number) =>
        WithDocumentAsync(http, prefix, number, isPost: false, (request, document) =>
        {
            var bytes = InvoicePdf.ToBytes(document.Account.Invoice.Document, RenderOptions(request));
            return Task.FromResult(File(bytes, document.Number + ".pdf"));
        });

    /// <summary>GET invoices/{number}/facturx: the Factur-X PDF/A-3 with the CII XML of the host's profile embedded.</summary>
    public static Task<IResult> FacturXAsync(HttpContext http, string prefix, string number) =>
        WithDocumentAsync(http, prefix, number, isPost: false, (request, document) =>
        {
            var pdf = request.Services.GetRequiredService<IOptions<PdfOptions>>().Value;
            var bytes = FacturXPdf.ToBytes(document.Account.Invoice.Document, pdf.FacturXProfile, RenderOptions(request));
            return Task.FromResult(File(bytes, document.Number + "-factur-x.pdf"));
        });

    /// <summary>The host's PDF options (logo, colour) when it added them, in the page's language.</summary>
    private static PdfRenderOptions RenderOptions(PortalRequest request) =>
        request.Services.GetRequiredService<IOptions<PdfOptions>>().Value.ToRenderOptions() with
        {
            Language = request.Text.Language == "fr" ? PdfLanguage.French : PdfLanguage.English,
        };

    private static IResult File(byte[] bytes, string fileName) =>
        Results.File(bytes, "application/pdf", string.Concat(fileName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '\\' ? '-' : c)));
}
