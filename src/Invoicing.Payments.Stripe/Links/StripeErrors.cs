using System.Net;
using Stripe;

namespace Invoicing.Payments.Stripe;

/// <summary>
/// Stripe's refusals (its error object, with the HTTP status) said in the host's words. Stripe's own message is left out:
/// it is written for the developer of the integration, may change, and is not the user's language.
/// </summary>
internal static class StripeErrors
{
    public static PaymentProviderException Describe(StripeException exception, string invoiceNumber)
    {
        var parameter = exception.StripeError?.Param;
        var about = $"Stripe refused the payment page for invoice {invoiceNumber}";
        var (code, message, transient) = exception.HttpStatusCode switch
        {
            HttpStatusCode.BadRequest => ("invalid-request", parameter is null ? $"{about}: the request was not valid." : $"{about}: the field '{parameter}' was not valid.", false),
            HttpStatusCode.Unauthorized => ("authentication", $"{about}: the secret key was not accepted. Check StripePaymentOptions.SecretKey.", false),
            HttpStatusCode.PaymentRequired => ("request-failed", $"{about}: the request was valid but could not be carried out{(exception.StripeError?.Code is { } c ? $" ({c})" : "")}.", false),
            HttpStatusCode.Forbidden => ("permission", $"{about}: the key may not create Checkout Sessions. Give the restricted key write access to Checkout Sessions.", false),
            HttpStatusCode.NotFound => ("not-found", $"{about}: the API address did not answer as Stripe does. Check StripePaymentOptions.ApiBase.", false),
            HttpStatusCode.Conflict => ("conflict", $"{about}: another request with the same key was under way. Try again.", true),
            HttpStatusCode.TooManyRequests => ("rate-limited", $"{about}: too many requests at once. Try again in a moment.", true),
            >= HttpStatusCode.InternalServerError => ("unavailable", $"{about}: Stripe is not available at the moment. Try again later.", true),
            _ => ("unexpected-answer", $"{about} with an unexpected answer ({(int)exception.HttpStatusCode}).", false),
        };
        return new PaymentProviderException(StripePaymentOptions.ProviderName, code, message, transient, exception);
    }

    public static PaymentProviderException Unreachable(string invoiceNumber, Exception exception) =>
        new(StripePaymentOptions.ProviderName, "unavailable", $"Stripe could not be reached to make the payment page for invoice {invoiceNumber}. Try again later.", transient: true, exception);
}
