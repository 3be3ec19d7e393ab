using Invoicing.Core;
using Invoicing.Portal.Accounts;
using Invoicing.Portal.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Portal.Endpoints;

/// <summary>
/// POST invoices/{number}/dispute: the customer disputes an open invoice. It goes through the existing dunning pause
/// (<see cref="DunningInvoiceSettings.Disputed"/>), whose store records the disputed event in the same transaction;
/// the optional reason goes to the host's log, as the dunning settings have no place for it.
/// </summary>
internal static partial class DisputeEndpoint
{
    /// <summary>Whether the dispute form is offered: the host keeps dunning settings and the invoice is open and not disputed yet.</summary>
    public static bool CanDispute(PortalRequest request, PortalDocument document) =>
        request.Services.GetService<IDunningSettingsStore>() is not null && document.Account.IsOpen && !document.Disputed;

    public static Task<IResult> DisputeAsync(HttpContext http, string prefix, string number) =>
        DocumentEndpoints.WithDocumentAsync(http, prefix, number, isPost: true, async (request, document) =>
        {
            var reason = (await http.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false))["reason"].ToString().Trim();
            if (reason.Length > DetailPage.MaxReasonLength)
            {
                return request.Message(StatusCodes.Status400BadRequest, request.Text.BadRequestTitle, request.Text.Format(request.Text.ReasonTooLong, DetailPage.MaxReasonLength.ToString(request.Text.Culture)), linkToList: true);
            }

            var detail = ListPage.DetailPath(request.BasePath, document.Number);
            if (document.Disputed)
            {
                return request.SeeOther(detail);
            }

            if (!CanDispute(request, document))
            {
                return request.Message(StatusCodes.Status409Conflict, request.Text.NotDisputableTitle, request.Text.NotDisputableText, linkToList: true);
            }

            var settings = request.Services.GetRequiredService<IDunningSettingsStore>();
            var before = await settings.GetInvoiceAsync(document.Number, request.Aborted).ConfigureAwait(false);
            await settings.SaveInvoiceAsync((before ?? new DunningInvoiceSettings { InvoiceNumber = document.Number }) with { Disputed = true }, request.Aborted).ConfigureAwait(false);
            if (request.Services.GetService<ILoggerFactory>() is { } loggers)
            {
                Disputed(loggers.CreateLogger("Invoicing.Portal"), document.Number, request.CustomerKey!, reason.Length == 0 ? "(none given)" : reason);
            }

            return request.SeeOther(detail);
        });

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Invoice {InvoiceNumber} disputed by customer {CustomerKey} in the portal: {Reason}")]
    private static partial void Disputed(ILogger logger, string invoiceNumber, string customerKey, string reason);
}
