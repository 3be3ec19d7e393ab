using System.Globalization;
using System.Text;
using Invoicing.Core;

namespace Invoicing.Pdf.Components;

/// <summary>
/// The EPC069-12 "SEPA credit transfer" QR payload (version 002, UTF-8): what a banking app reads to prefill a
/// transfer. Pure; null when the invoice cannot be paid that way (not in euros, nothing due, no IBAN).
/// </summary>
internal static class EpcQrPayload
{
    private const int MaxNameLength = 70;
    private const int MaxTextLength = 140;
    private const int MaxReferenceLength = 35;
    private const decimal MaxAmount = 999_999_999.99m;

    public static string? For(Invoice invoice, decimal amountDue)
    {
        var instructions = invoice.PaymentInstructions;
        if (invoice.Currency.Code != "EUR" || instructions is null || instructions.CreditTransfers.Count == 0
            || instructions.MeansCode is not (PaymentInstructions.SepaCreditTransfer or PaymentInstructions.CreditTransferCode)
            || amountDue < 0.01m || amountDue > MaxAmount)
        {
            return null;
        }

        var account = instructions.CreditTransfers[0];
        var iban = Compact(account.AccountId);
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]))
        {
            return null;
        }

        var name = Clip(account.AccountName ?? invoice.Payee?.Name ?? invoice.Seller.Name, MaxNameLength);
        var reference = instructions.RemittanceInformation?.Trim() ?? invoice.Number ?? string.Empty;
        var structured = reference.StartsWith("RF", StringComparison.Ordinal) && reference.Length <= MaxReferenceLength && !reference.Contains(' ', StringComparison.Ordinal);
        var builder = new StringBuilder(256)
            .Append("BCD\n002\n1\nSCT\n")
            .Append(Compact(account.ServiceProviderId ?? string.Empty)).Append('\n')
            .Append(name).Append('\n')
            .Append(iban).Append('\n')
            .Append("EUR").Append(amountDue.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n')
            .Append('\n')
            .Append(structured ? reference : string.Empty).Append('\n')
            .Append(structured ? string.Empty : Clip(reference, MaxTextLength));
        return builder.ToString();
    }

    private static string Compact(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static string Clip(string value, int length)
    {
        var single = value.ReplaceLineEndings(" ").Trim();
        return single.Length <= length ? single : single[..length];
    }
}
