namespace Invoicing.Core;

/// <summary>A note on the invoice (BG-1). French mandatory mentions travel as notes with a subject code.</summary>
/// <param name="Text">The note (BT-22).</param>
/// <param name="SubjectCode">UNTDID 4451 subject (BT-21): <c>PMT</c> recovery indemnity, <c>PMD</c> late-payment penalties, <c>AAB</c> early-payment discount, <c>REG</c> regulatory information.</param>
public sealed record InvoiceNote(string Text, string? SubjectCode = null)
{
    /// <summary>Subject code of the EUR 40 fixed recovery indemnity mention.</summary>
    public const string RecoveryIndemnity = "PMT";

    /// <summary>Subject code of the late-payment penalty mention.</summary>
    public const string LatePaymentPenalties = "PMD";

    /// <summary>Subject code of the early-payment discount mention.</summary>
    public const string EarlyPaymentDiscount = "AAB";
}
