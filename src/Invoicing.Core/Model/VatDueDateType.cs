using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>
/// When the VAT becomes due (BT-8). Each syntax has its own code list (UBL: UNTDID 2005 codes 3, 35, 432;
/// CII: UNTDID 2475 codes 5, 29, 72), so the model keeps the meaning.
/// </summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<VatDueDateType>))]
public enum VatDueDateType
{
    /// <summary>The invoice issue date: in France, the seller opted to pay VAT on debits.</summary>
    InvoiceDate,

    /// <summary>The actual delivery date.</summary>
    DeliveryDate,

    /// <summary>The payment date (VAT on receipts, the French default for services).</summary>
    PaymentDate,
}
