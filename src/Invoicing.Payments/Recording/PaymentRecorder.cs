using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>
/// Records a reported payment once. The duplicate check that counts is the store's own, inside its transaction (a
/// payment id is recorded once on every store); the recorder reads the account first only to answer a repeat without a
/// refused write and to check the currency, which the store's payment does not carry.
/// </summary>
internal sealed class PaymentRecorder(IInvoiceStore store, DateTimeZone zone) : IPaymentRecorder
{
    public async Task<PaymentRecordingResult> RecordAsync(PaymentReceived payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (PaymentReports.Malformation(payment) is { } malformed)
        {
            var knownId = malformed.Path is "provider" or "paymentId" ? Guid.Empty : PaymentIds.For(payment.Provider, payment.PaymentId);
            return PaymentRecordingResult.Refused(knownId, null, PaymentRefusalReason.Malformed, malformed);
        }

        var id = PaymentIds.For(payment.Provider, payment.PaymentId);
        var account = await store.GetAccountAsync(payment.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        if (account is not null && account.Payments.Any(p => p.Id == id))
        {
            return PaymentRecordingResult.AlreadyRecorded(id, account);
        }

        if (account is null)
        {
            return PaymentRecordingResult.Refused(id, null, PaymentRefusalReason.UnknownInvoice, ValidationIssue.Error("PAY-RECORD-INVOICE-UNKNOWN", "invoiceNumber", $"There is no issued invoice '{payment.InvoiceNumber}' for the {payment.Provider} payment {payment.PaymentId}."));
        }

        var currency = account.Invoice.Document.Currency;
        if (payment.Currency != currency)
        {
            return PaymentRecordingResult.Refused(id, account, PaymentRefusalReason.CurrencyMismatch, ValidationIssue.Error("PAY-RECORD-CURRENCY", "currency", $"The {payment.Provider} payment {payment.PaymentId} is in {payment.Currency}, invoice {account.Number} in {currency}."));
        }

        var recorded = new Payment(id, account.Number, payment.ReceivedAt.InZone(zone).Date, payment.Amount, payment.Method, payment.PaymentId);
        try
        {
            return PaymentRecordingResult.Recorded(id, await store.RecordPaymentAsync(recorded, cancellationToken).ConfigureAwait(false));
        }
        catch (InvoiceValidationException refused) when (refused.Issues.Count > 0)
        {
            var issue = refused.Issues[0];
            if (issue.RuleId == "INV-PAYMENT-DUPLICATE")
            {
                // Another delivery of the same payment won the store's transaction between our read and our write.
                return PaymentRecordingResult.AlreadyRecorded(id, await store.GetAccountAsync(account.Number, cancellationToken).ConfigureAwait(false));
            }

            return PaymentRecordingResult.Refused(id, await store.GetAccountAsync(account.Number, cancellationToken).ConfigureAwait(false) ?? account, ReasonFor(issue.RuleId), issue);
        }
    }

    /// <summary>The reason for a refusal of the store (<see cref="InvoiceLifecycle.CheckPayment"/>).</summary>
    internal static PaymentRefusalReason ReasonFor(string storeRule) => storeRule switch
    {
        "INV-PAYMENT-INVOICE-UNKNOWN" => PaymentRefusalReason.UnknownInvoice,
        "INV-PAYMENT-ON-CREDIT-NOTE" => PaymentRefusalReason.NotAnInvoice,
        "INV-PAYMENT-WRITTEN-OFF" => PaymentRefusalReason.WrittenOff,
        "INV-PAYMENT-EXCEEDS-BALANCE" => PaymentRefusalReason.AboveBalance,
        _ => PaymentRefusalReason.Malformed,
    };
}

/// <summary>What every payment report must be, whatever the store holds.</summary>
internal static class PaymentReports
{
    /// <summary>The first thing wrong with the report's own fields, or null.</summary>
    public static ValidationIssue? Malformation(PaymentReceived payment)
    {
        if (!IsText(payment.Provider, PaymentReceived.MaxProviderLength))
        {
            return Issue("PAY-RECORD-PROVIDER", "provider", $"The provider's name is 1 to {PaymentReceived.MaxProviderLength} characters, no control characters.");
        }

        if (!IsText(payment.PaymentId, PaymentReceived.MaxIdLength))
        {
            return Issue("PAY-RECORD-PAYMENT-ID", "paymentId", $"The {payment.Provider} payment needs its id, 1 to {PaymentReceived.MaxIdLength} characters, so it is recorded once.");
        }

        if (!IsText(payment.EventId, PaymentReceived.MaxIdLength))
        {
            return Issue("PAY-RECORD-EVENT-ID", "eventId", $"The {payment.Provider} payment {payment.PaymentId} needs the id of the event that reported it, 1 to {PaymentReceived.MaxIdLength} characters.");
        }

        if (!IsText(payment.InvoiceNumber, PaymentReceived.MaxIdLength))
        {
            return Issue("PAY-RECORD-INVOICE-UNKNOWN", "invoiceNumber", $"The {payment.Provider} payment {payment.PaymentId} names no invoice.");
        }

        if (!payment.Currency.IsDefined)
        {
            return Issue("PAY-RECORD-CURRENCY", "currency", $"The {payment.Provider} payment {payment.PaymentId} has no currency.");
        }

        if (payment.Amount <= 0m || !payment.Currency.IsRounded(payment.Amount))
        {
            return Issue("PAY-RECORD-AMOUNT", "amount", string.Create(CultureInfo.InvariantCulture, $"The {payment.Provider} payment {payment.PaymentId} is of {payment.Amount} {payment.Currency}: an amount above zero with at most {payment.Currency.MinorUnits} decimals is expected."));
        }

        return null;
    }

    private static bool IsText(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    private static ValidationIssue Issue(string rule, string path, string message) => ValidationIssue.Error(rule, path, message);
}
