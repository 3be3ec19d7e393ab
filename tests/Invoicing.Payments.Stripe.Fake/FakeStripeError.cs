namespace Invoicing.Payments.Stripe.Fake;

/// <summary>An error the fake answers the next create request with, in Stripe's error object.</summary>
/// <param name="StatusCode">400, 401, 402, 429, 500...</param>
/// <param name="Type"><c>invalid_request_error</c>, <c>card_error</c>, <c>api_error</c>...</param>
/// <param name="Message">Stripe's developer message.</param>
/// <param name="Code">The error code, such as <c>rate_limit</c>.</param>
/// <param name="Param">The parameter at fault.</param>
public sealed record FakeStripeError(int StatusCode, string Type, string Message, string? Code = null, string? Param = null);
