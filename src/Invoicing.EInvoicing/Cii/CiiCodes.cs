using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <summary>The CII code lists the model keeps as meanings.</summary>
internal static class CiiCodes
{
    /// <summary>BT-8 in CII (UNTDID 2475): 5 issue date, 29 delivery date, 72 paid to date.</summary>
    public static string VatDueDateCode(VatDueDateType type) => type switch
    {
        VatDueDateType.InvoiceDate => "5",
        VatDueDateType.DeliveryDate => "29",
        VatDueDateType.PaymentDate => "72",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown VAT due date type."),
    };

    /// <summary>Reads a BT-8 CII code; false when it is not 5, 29 or 72.</summary>
    public static bool TryParseVatDueDateCode(string? code, out VatDueDateType type)
    {
        switch (code?.Trim())
        {
            case "5": type = VatDueDateType.InvoiceDate; return true;
            case "29": type = VatDueDateType.DeliveryDate; return true;
            case "72": type = VatDueDateType.PaymentDate; return true;
            default: type = default; return false;
        }
    }

    /// <summary>Whether an account id has the shape of an IBAN (two letters, two digits, up to 30 letters or digits).</summary>
    public static bool LooksLikeIban(string accountId)
    {
        if (accountId.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(accountId[0]) || !char.IsAsciiLetterUpper(accountId[1])
            || !char.IsAsciiDigit(accountId[2]) || !char.IsAsciiDigit(accountId[3]))
        {
            return false;
        }

        foreach (var c in accountId)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
