using Invoicing.Core;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>Code lists UBL uses where the model keeps the meaning.</summary>
internal static class UblCodes
{
    /// <summary>BT-8 in UBL (UNTDID 2005): 3 invoice date, 35 delivery date, 432 payment date.</summary>
    public static string VatDueDateCode(VatDueDateType type) => type switch
    {
        VatDueDateType.InvoiceDate => "3",
        VatDueDateType.DeliveryDate => "35",
        VatDueDateType.PaymentDate => "432",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown VAT due date type."),
    };

    /// <summary>Parses a UNTDID 2005 code of BT-8; false for other codes.</summary>
    public static bool TryParseVatDueDateCode(string? code, out VatDueDateType type)
    {
        switch (code?.Trim())
        {
            case "3": type = VatDueDateType.InvoiceDate; return true;
            case "35": type = VatDueDateType.DeliveryDate; return true;
            case "432": type = VatDueDateType.PaymentDate; return true;
            default: type = default; return false;
        }
    }
}
