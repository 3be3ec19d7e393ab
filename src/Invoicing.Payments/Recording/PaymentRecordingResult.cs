using Invoicing.Core;

namespace Invoicing.Payments;

/// <summary>What became of a <see cref="PaymentReceived"/>.</summary>
public enum PaymentRecordingStatus
{
    /// <summary>The payment is recorded now: the balance went down by its amount.</summary>
    Recorded,

    /// <summary>The payment was recorded before (a repeated delivery or another event of it): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>The payment cannot be recorded against the invoice it names: nothing changed; see <see cref="PaymentRecordingResult.Reason"/>.</summary>
    Refused,
}

/// <summary>Why a payment was refused. Each needs a person: refund the customer or record the money by hand.</summary>
public enum PaymentRefusalReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The report itself is incomplete or malformed (no payment id, an amount not above zero, too many decimals).</summary>
    Malformed,

    /// <summary>The store holds no issued invoice with that number.</summary>
    UnknownInvoice,

    /// <summary>The number is a credit note's: payments are recorded against invoices.</summary>
    NotAnInvoice,

    /// <summary>The payment is in another currency than the invoice.</summary>
    CurrencyMismatch,

    /// <summary>The invoice was written off: money received later is other income, not a payment of it.</summary>
    WrittenOff,

    /// <summary>
    /// The amount is above the open balance (the invoice was paid or credited meanwhile, or paid twice through two
    /// links): nothing is recorded, so the balance never goes below zero; the overpayment is refunded or settled by hand.
    /// </summary>
    AboveBalance,
}

/// <summary>The outcome of recording a <see cref="PaymentReceived"/>.</summary>
public sealed record PaymentRecordingResult
{
    private PaymentRecordingResult(PaymentRecordingStatus status, Guid paymentId, InvoiceAccount? account, PaymentRefusalReason reason, ValidationIssue? issue)
    {
        Status = status;
        PaymentId = paymentId;
        Account = account;
        Reason = reason;
        Issue = issue;
    }

    /// <summary>Recorded, already recorded or refused.</summary>
    public PaymentRecordingStatus Status { get; }

    /// <summary>The id of the payment in the store (<see cref="PaymentIds.For"/>); empty when the report was malformed.</summary>
    public Guid PaymentId { get; }

    /// <summary>The invoice's account after the operation; null when the invoice is unknown or the report malformed.</summary>
    public InvoiceAccount? Account { get; }

    /// <summary>Why it was refused; <see cref="PaymentRefusalReason.None"/> unless <see cref="Status"/> is refused.</summary>
    public PaymentRefusalReason Reason { get; }

    /// <summary>The rule and field of the refusal, in the user's words; null unless refused.</summary>
    public ValidationIssue? Issue { get; }

    /// <summary>The payment is recorded now.</summary>
    public static PaymentRecordingResult Recorded(Guid paymentId, InvoiceAccount account) =>
        new(PaymentRecordingStatus.Recorded, paymentId, account ?? throw new ArgumentNullException(nameof(account)), PaymentRefusalReason.None, null);

    /// <summary>The payment was recorded before.</summary>
    public static PaymentRecordingResult AlreadyRecorded(Guid paymentId, InvoiceAccount? account) =>
        new(PaymentRecordingStatus.AlreadyRecorded, paymentId, account, PaymentRefusalReason.None, null);

    /// <summary>The payment is refused for <paramref name="reason"/>, as <paramref name="issue"/> says.</summary>
    public static PaymentRecordingResult Refused(Guid paymentId, InvoiceAccount? account, PaymentRefusalReason reason, ValidationIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return reason == PaymentRefusalReason.None
            ? throw new ArgumentOutOfRangeException(nameof(reason), "A refusal has a reason.")
            : new(PaymentRecordingStatus.Refused, paymentId, account, reason, issue);
    }
}
