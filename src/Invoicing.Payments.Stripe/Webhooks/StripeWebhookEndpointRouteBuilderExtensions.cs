using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Payments.Stripe;

/// <summary>Maps Stripe's webhook endpoint.</summary>
public static class StripeWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default path of the endpoint.</summary>
    public const string DefaultPattern = "/payments/stripe/webhook";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>, the address to give Stripe for the events
    /// <c>checkout.session.completed</c> and <c>checkout.session.async_payment_succeeded</c>. Each delivery is checked
    /// against <c>Stripe-Signature</c> (the signing secret, the tolerance) before it is read; a paid session records its
    /// payment once through <see cref="IPaymentRecorder"/>. Answers: 200 recorded, already recorded or ignored; 400 unsigned,
    /// badly signed, replayed or malformed; 413 too large; 422 refused by the recorder; 503 store unavailable. The
    /// endpoint needs no anti-forgery token or user: the signature is its authentication.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a request comes and <see cref="StripePaymentsServiceCollectionExtensions.AddStripePayments"/> was not called.</exception>
    public static RouteHandlerBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        return endpoints
            .MapPost(pattern, (Func<HttpContext, Task<IResult>>)HandleAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static Task<IResult> HandleAsync(HttpContext context) =>
        context.RequestServices.GetService<StripeWebhookHandler>() is { } handler
            ? handler.HandleAsync(context)
            : throw new InvalidOperationException("The Stripe webhook needs services.AddStripePayments(...).");
}
