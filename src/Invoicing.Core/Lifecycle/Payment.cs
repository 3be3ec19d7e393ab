using System.Text.Json.Serialization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>How a payment was made.</summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<PaymentMethod>))]
public enum PaymentMethod
{
    /// <summary>Bank credit transfer (SEPA or other).</summary>
    CreditTransfer,

    /// <summary>Direct debit.</summary>
    DirectDebit,

    /// <summary>Bank card, online or in person.</summary>
    Card,

    /// <summary>Cheque.</summary>
    Cheque,

    /// <summary>Cash.</summary>
    Cash,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>A payment received against an issued invoice. It changes the balance, never the document.</summary>
/// <param name="Id">Identifies the payment, so recording it twice is detected.</param>
/// <param name="InvoiceNumber">The invoice paid.</param>
/// <param name="Date">The value date.</param>
/// <param name="Amount">The amount received, in the invoice currency; positive.</param>
/// <param name="Method">How it was paid.</param>
/// <param name="Reference">The bank or payment provider's reference.</param>
public sealed record Payment(Guid Id, string InvoiceNumber, LocalDate Date, decimal Amount, PaymentMethod Method, string? Reference = null);

/// <summary>A credit note applied to the invoice it references.</summary>
/// <param name="CreditNoteNumber">The credit note's number.</param>
/// <param name="IssueDate">Its issue date.</param>
/// <param name="Amount">The amount it credits (its amount due, BT-115).</param>
public sealed record AppliedCredit(string CreditNoteNumber, LocalDate IssueDate, decimal Amount);
