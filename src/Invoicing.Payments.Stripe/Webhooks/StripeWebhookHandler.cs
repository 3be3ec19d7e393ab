using Invoicing.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Stripe;

namespace Invoicing.Payments.Stripe;

/// <summary>
/// Answers Stripe's webhook deliveries. The signature is checked before anything is read; only a verified Checkout
/// Session payment reaches the recorder, which records it once whatever the number of deliveries.
/// </summary>
/// <remarks>
/// Answers: 200 when recorded, already recorded or ignored (Stripe stops delivering it); 400 when unsigned, badly signed,
/// outside the tolerance or malformed (nothing read, nothing stored); 413 when too large; 422 when the recorder refuses
/// the payment (unknown invoice, another currency, above the balance...: a person must look, and Stripe's dashboard shows
/// the delivery as failed); 503 when the store cannot be reached (Stripe delivers it again later).
/// </remarks>
internal sealed class StripeWebhookHandler(IPaymentRecorder recorder, IOptions<StripePaymentOptions> options, IClock clock, ILogger<StripeWebhookHandler> logger)
{
    public const string SignatureHeader = "Stripe-Signature";

    private readonly StripePaymentOptions _options = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var body = await StripeWebhookBody.ReadAsync(context.Request, _options.MaxWebhookBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "PAY-STRIPE-BODY-SIZE", "body", $"The event is larger than {_options.MaxWebhookBodyBytes} bytes.");
        }

        var now = clock.GetCurrentInstant();
        var check = StripeSignature.Check(context.Request.Headers[SignatureHeader].ToString(), body, _options.WebhookSigningSecret!, now, Duration.FromTimeSpan(_options.SignatureTolerance));
        if (check != StripeSignatureCheck.Valid)
        {
            logger.LogWarning("A Stripe webhook delivery was refused: signature {Check}.", check);
            return check switch
            {
                StripeSignatureCheck.Missing => Problem(StatusCodes.Status400BadRequest, "PAY-STRIPE-SIGNATURE-MISSING", SignatureHeader, "The Stripe-Signature header is missing: only events signed by Stripe are accepted."),
                StripeSignatureCheck.Malformed => Problem(StatusCodes.Status400BadRequest, "PAY-STRIPE-SIGNATURE-MALFORMED", SignatureHeader, "The Stripe-Signature header has no timestamp or no v1 signature."),
                StripeSignatureCheck.OutsideTolerance => Problem(StatusCodes.Status400BadRequest, "PAY-STRIPE-SIGNATURE-EXPIRED", SignatureHeader, $"The signature's timestamp is more than {_options.SignatureTolerance.TotalSeconds:0} seconds from now: the event is refused as a replay."),
                _ => Problem(StatusCodes.Status400BadRequest, "PAY-STRIPE-SIGNATURE-MISMATCH", SignatureHeader, "The signature does not match the event with the webhook signing secret."),
            };
        }

        if (StripeWebhookBody.Parse(body) is not { } stripeEvent)
        {
            return Problem(StatusCodes.Status400BadRequest, "PAY-STRIPE-EVENT-MALFORMED", "body", "The signed body is not a Stripe event.");
        }

        var meaning = StripeCheckoutEvents.Read(stripeEvent, now);
        if (meaning.Problem is { } problem)
        {
            logger.LogWarning("The Stripe event {EventId} was refused: {Problem}", stripeEvent.Id, problem.Message);
            return Problem(StatusCodes.Status400BadRequest, problem.RuleId, problem.Path, problem.Message);
        }

        if (meaning.Payment is not { } payment)
        {
            logger.LogDebug("The Stripe event {EventId} is ignored: {Why}.", stripeEvent.Id, meaning.Ignored);
            return Answer("ignored", meaning.Ignored);
        }

        PaymentRecordingResult result;
        try
        {
            result = await recorder.RecordAsync(payment, cancellationToken).ConfigureAwait(false);
        }
        catch (InvoiceStoreException exception)
        {
            logger.LogError(exception, "The Stripe payment {PaymentId} of invoice {Invoice} could not be recorded: the store is unavailable. Stripe will deliver it again.", payment.PaymentId, payment.InvoiceNumber);
            return Problem(StatusCodes.Status503ServiceUnavailable, "PAY-STRIPE-STORE-UNAVAILABLE", "store", "The invoice store is unavailable; deliver the event again later.");
        }

        switch (result.Status)
        {
            case PaymentRecordingStatus.Recorded:
                logger.LogInformation("Stripe payment {PaymentId} of {Amount} {Currency} recorded on invoice {Invoice} (event {EventId}).", payment.PaymentId, payment.Amount, payment.Currency, payment.InvoiceNumber, payment.EventId);
                return Answer("recorded", null);
            case PaymentRecordingStatus.AlreadyRecorded:
                logger.LogInformation("Stripe payment {PaymentId} of invoice {Invoice} was already recorded (event {EventId}).", payment.PaymentId, payment.InvoiceNumber, payment.EventId);
                return Answer("already-recorded", null);
            default:
                var issue = result.Issue!;
                logger.LogWarning("Stripe payment {PaymentId} of {Amount} {Currency} for invoice {Invoice} was refused ({Reason}, {Rule}): {Message}", payment.PaymentId, payment.Amount, payment.Currency, payment.InvoiceNumber, result.Reason, issue.RuleId, issue.Message);
                return Problem(StatusCodes.Status422UnprocessableEntity, issue.RuleId, issue.Path, issue.Message, result.Reason.ToString());
        }
    }

    private static IResult Answer(string outcome, string? detail) =>
        Results.Json(new StripeWebhookAnswer(outcome, detail), StripeWebhookJsonContext.Default.StripeWebhookAnswer);

    private static IResult Problem(int status, string rule, string field, string message, string? reason = null) =>
        Results.Json(new StripeWebhookProblem(status, rule, field, message, reason), StripeWebhookJsonContext.Default.StripeWebhookProblem, contentType: "application/problem+json", statusCode: status);
}
