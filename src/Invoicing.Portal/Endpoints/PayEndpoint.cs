using Invoicing.Core;
using Invoicing.Payments;
using Invoicing.Portal.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Portal.Endpoints;

/// <summary>
/// POST invoices/{number}/pay: asks the host's <see cref="IPaymentLinkProvider"/> for a page that takes the open
/// balance, and sends the browser there (303). The customer comes back to the invoice's page either way.
/// </summary>
internal static partial class PayEndpoint
{
    /// <summary>Whether the Pay button is shown: a provider is registered and something is due.</summary>
    public static bool CanPay(PortalRequest request, PortalDocument document) =>
        request.Services.GetService<IPaymentLinkProvider>() is not null && document.Account.IsOpen && document.Balance > 0m;

    public static Task<IResult> PayAsync(HttpContext http, string prefix, string number) =>
        DocumentEndpoints.WithDocumentAsync(http, prefix, number, isPost: true, async (request, document) =>
        {
            if (!CanPay(request, document))
            {
                return request.Message(StatusCodes.Status409Conflict, request.Text.NotPayableTitle, request.Text.NotPayableText, linkToList: true);
            }

            var provider = request.Services.GetRequiredService<IPaymentLinkProvider>();
            var back = new Uri(PortalOptionsRules.BaseWithSlash(request.Options.PublicBaseUrl!), "invoices/" + Uri.EscapeDataString(document.Number));
            var now = request.Services.GetRequiredService<Security.PortalTokens>().Clock.GetCurrentInstant();
            try
            {
                var link = await provider.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(document.Account, now + request.Options.PaymentLinkLifetime, back, back), request.Aborted).ConfigureAwait(false);
                http.Response.Headers.Location = link.Url.AbsoluteUri;
                return Results.StatusCode(StatusCodes.Status303SeeOther);
            }
            catch (InvoiceValidationException)
            {
                return request.Message(StatusCodes.Status409Conflict, request.Text.NotPayableTitle, request.Text.NotPayableText, linkToList: true);
            }
            catch (PaymentProviderException exception)
            {
                if (request.Services.GetService<ILoggerFactory>() is { } loggers)
                {
                    ProviderFailed(loggers.CreateLogger("Invoicing.Portal"), exception, exception.Provider, document.Number, exception.Code);
                }

                return request.Message(StatusCodes.Status503ServiceUnavailable, request.Text.PaymentUnavailableTitle, request.Text.PaymentUnavailableText, linkToList: true);
            }
        });

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Payment provider {Provider} gave no link for invoice {InvoiceNumber}: {Code}")]
    private static partial void ProviderFailed(ILogger logger, Exception exception, string provider, string invoiceNumber, string code);
}
