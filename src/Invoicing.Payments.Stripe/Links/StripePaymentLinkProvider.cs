using System.Globalization;
using Invoicing.Core;
using Microsoft.Extensions.Options;
using NodaTime;
using Stripe;
using Stripe.Checkout;

namespace Invoicing.Payments.Stripe;

/// <summary>
/// Creates a Stripe Checkout Session per link: mode payment, one line for the amount asked in minor units, the invoice
/// number as <c>client_reference_id</c> and in the metadata of the session and of its PaymentIntent (with the customer
/// key), an expiry, and the return addresses. Stripe.net's own client sends the request through the host's
/// <see cref="HttpClient"/> (<see cref="StripePaymentOptions.HttpClientName"/>).
/// </summary>
internal sealed class StripePaymentLinkProvider(HttpClient httpClient, IOptions<StripePaymentOptions> options, IClock clock) : IPaymentLinkProvider
{
    /// <summary>Stripe's window for <c>expires_at</c>: 30 minutes to 24 hours after the session is created.</summary>
    internal static readonly Duration MinimumLifetime = Duration.FromMinutes(30);

    internal static readonly Duration MaximumLifetime = Duration.FromHours(24);

    /// <summary>Metadata key of the invoice number, on the session and its PaymentIntent.</summary>
    internal const string InvoiceNumberKey = "invoice_number";

    /// <summary>Metadata key of the customer key.</summary>
    internal const string CustomerKeyKey = "customer_key";

    private readonly StripePaymentOptions _options = options.Value;

    public string Name => StripePaymentOptions.ProviderName;

    public async Task<PaymentLink> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckExpiry(request.ExpiresAt, clock.GetCurrentInstant());
        var metadata = new Dictionary<string, string>
        {
            [InvoiceNumberKey] = request.InvoiceNumber,
            [CustomerKeyKey] = request.CustomerKey,
        };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.InvoiceNumber,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            ExpiresAt = request.ExpiresAt.ToDateTimeUtc(),
            SuccessUrl = ReturnUrl(request.SuccessUrl),
            CancelUrl = ReturnUrl(request.CancelUrl),
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = StripeAmounts.Code(request.Currency),
                        UnitAmount = StripeAmounts.ToMinorUnits(request.Amount, request.Currency),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{_options.LineItemLabel} {request.InvoiceNumber}" },
                    },
                },
            ],
        };

        Session session;
        try
        {
            session = await new SessionService(CreateClient()).CreateAsync(create, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (StripeException exception)
        {
            throw StripeErrors.Describe(exception, request.InvoiceNumber);
        }
        catch (HttpRequestException exception)
        {
            throw StripeErrors.Unreachable(request.InvoiceNumber, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw StripeErrors.Unreachable(request.InvoiceNumber, exception);
        }

        if (string.IsNullOrEmpty(session.Url) || !Uri.TryCreate(session.Url, UriKind.Absolute, out var url) || string.IsNullOrEmpty(session.Id))
        {
            throw new PaymentProviderException(Name, "unexpected-answer", $"Stripe created no payment page for invoice {request.InvoiceNumber}: its answer had no session address.", transient: false);
        }

        var expiresAt = session.ExpiresAt == default ? request.ExpiresAt : Instant.FromDateTimeUtc(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc));
        return new PaymentLink(url, session.Id, expiresAt);
    }

    private static void CheckExpiry(Instant expiresAt, Instant now)
    {
        var lifetime = expiresAt - now;
        if (lifetime < MinimumLifetime || lifetime > MaximumLifetime)
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "PAY-STRIPE-EXPIRY",
                "expiresAt",
                string.Create(CultureInfo.InvariantCulture, $"A Stripe payment page expires 30 minutes to 24 hours after it is made; {expiresAt:uuuu-MM-dd'T'HH:mm:ss'Z'} is {lifetime.TotalMinutes:0} minutes from now.")));
        }
    }

    /// <summary>
    /// The address as Stripe expects it: <see cref="Uri.AbsoluteUri"/> escapes the braces of Stripe's
    /// <c>{CHECKOUT_SESSION_ID}</c> placeholder, which Stripe then would not replace with the session id.
    /// </summary>
    internal static string ReturnUrl(Uri url) =>
        url.AbsoluteUri.Replace("%7BCHECKOUT_SESSION_ID%7D", SessionIdPlaceholder, StringComparison.OrdinalIgnoreCase);

    /// <summary>Stripe's placeholder in a return address, replaced by the session id.</summary>
    internal const string SessionIdPlaceholder = "{CHECKOUT_SESSION_ID}";

    private StripeClient CreateClient() => new(
        _options.SecretKey!,
        httpClient: new SystemNetHttpClient(httpClient, _options.MaxNetworkRetries, enableTelemetry: false),
        apiBase: _options.ApiBase.AbsoluteUri.TrimEnd('/'));
}
