using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <content>The document totals (BG-22), periods, preceding invoices, and what the settlement gathers while it streams.</content>
internal sealed partial class CiiParser
{
    private Summation ReadSummation()
    {
        var depth = _cursor.Depth;
        string? lineTotal = null, chargeTotal = null, allowanceTotal = null, taxBasis = null, rounding = null, grandTotal = null, prepaid = null, duePayable = null;
        var taxTotals = new List<TaxTotalAmount>(2);
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "LineTotalAmount":
                    lineTotal ??= Text();
                    break;
                case "ChargeTotalAmount":
                    chargeTotal ??= Text();
                    break;
                case "AllowanceTotalAmount":
                    allowanceTotal ??= Text();
                    break;
                case "TaxBasisTotalAmount":
                    taxBasis ??= Text();
                    break;
                case "TaxTotalAmount":
                    var currency = _cursor.RawAttribute("currencyID");
                    var text = Text();
                    taxTotals.Add(TryDecimal(text, out var value)
                        ? new TaxTotalAmount(currency, value, text, null)
                        : new TaxTotalAmount(currency, null, text, _cursor.Mark(_cursor.Depth)));
                    break;
                case "RoundingAmount":
                    rounding ??= Text();
                    break;
                case "GrandTotalAmount":
                    grandTotal ??= Text();
                    break;
                case "TotalPrepaidAmount":
                    prepaid ??= Text();
                    break;
                case "DuePayableAmount":
                    duePayable ??= Text();
                    break;
                default:
                    break;
            }
        }

        return new Summation(
            this,
            RequiredDecimal(taxBasis, depth, "TaxBasisTotalAmount", "the total amount without VAT (BT-109)"),
            OptionalDecimal(lineTotal, depth, "LineTotalAmount", "the sum of the line net amounts (BT-106)"),
            OptionalDecimal(chargeTotal, depth, "ChargeTotalAmount", "the sum of the charges (BT-108)"),
            OptionalDecimal(allowanceTotal, depth, "AllowanceTotalAmount", "the sum of the allowances (BT-107)"),
            OptionalDecimal(rounding, depth, "RoundingAmount", "the rounding amount (BT-114)"),
            RequiredDecimal(grandTotal, depth, "GrandTotalAmount", "the total amount with VAT (BT-112)"),
            OptionalDecimal(prepaid, depth, "TotalPrepaidAmount", "the paid amount (BT-113)"),
            RequiredDecimal(duePayable, depth, "DuePayableAmount", "the amount due for payment (BT-115)"),
            taxTotals);
    }

    /// <summary>An invoicing period (BG-14 or, on a line, BG-26); null when it states neither date.</summary>
    private InvoicePeriod? ReadPeriod(string startField, string endField, int line = 0)
    {
        var depth = _cursor.Depth;
        LocalDate? start = null, end = null;
        bool hasStart = false, hasEnd = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "StartDateTime" when !hasStart:
                    hasStart = true;
                    start = ReadDate(startField, line);
                    break;
                case "EndDateTime" when !hasEnd:
                    hasEnd = true;
                    end = ReadDate(endField, line);
                    break;
                default:
                    break;
            }
        }

        return start is null && end is null ? null : new InvoicePeriod { Start = start, End = end };
    }

    /// <summary>A preceding invoice reference (BG-3): its number (BT-25) and issue date (BT-26).</summary>
    private PrecedingInvoiceReference ReadPreceding()
    {
        var depth = _cursor.Depth;
        string? id = null;
        LocalDate? date = null;
        var hasDate = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "IssuerAssignedID":
                    id ??= Text();
                    break;
                case "FormattedIssueDateTime" when !hasDate:
                    hasDate = true;
                    date = ReadDate("the preceding invoice issue date (BT-26)", qualified: true);
                    break;
                default:
                    break;
            }
        }

        return new PrecedingInvoiceReference(Required(id, depth, "IssuerAssignedID", "the preceding invoice reference (BT-25)"), date);
    }

    /// <summary>A <c>TaxTotalAmount</c>: its currency attribute as written, and its value, or where it is when it is not a number.</summary>
    private sealed record TaxTotalAmount(string? CurrencyId, decimal? Value, string Text, XmlMark? Malformed);

    /// <summary>The document totals (BG-22) as stated.</summary>
    private sealed record Summation(
        CiiParser Parser,
        decimal TaxBasis,
        decimal? LineNetTotal,
        decimal? ChargeTotal,
        decimal? AllowanceTotal,
        decimal? RoundingAmount,
        decimal GrandTotal,
        decimal? PrepaidAmount,
        decimal DuePayable,
        List<TaxTotalAmount> TaxTotals)
    {
        /// <summary>
        /// The first VAT total (BT-110 or BT-111) in <paramref name="currencyCode"/> (or, when accepted, without
        /// currency); its value must be a number once it is the one chosen.
        /// </summary>
        public decimal? TaxTotal(string currencyCode, bool acceptMissingCurrency, string field)
        {
            foreach (var total in TaxTotals)
            {
                if (total.CurrencyId?.Trim() == currencyCode || (total.CurrencyId is null && acceptMissingCurrency))
                {
                    return total.Value ?? throw Parser._cursor.Error(total.Malformed!, NumberMessage(total.Text, field, 0));
                }
            }

            return null;
        }
    }

    private sealed record Settlement(
        Currency Currency,
        Currency? TaxCurrency,
        decimal? VatTotalInAccountingCurrency,
        LocalDate? VatPointDate,
        VatDueDateType? VatDueDateType,
        LocalDate? DueDate,
        string? BuyerAccountingReference,
        string? PaymentTerms,
        List<PrecedingInvoiceReference> PrecedingInvoices,
        Party? Payee,
        InvoicePeriod? InvoicingPeriod,
        PaymentInstructions? PaymentInstructions,
        List<AllowanceCharge> AllowancesCharges,
        List<VatExemption> VatExemptions,
        InvoiceTotals Totals);

    /// <summary>What the VAT breakdown rows (BG-23) give, gathered row by row.</summary>
    private sealed class HeaderTaxes
    {
        public List<VatBreakdown> Rows { get; } = [];

        public List<VatExemption> Exemptions { get; } = [];

        public LocalDate? PointDate { get; set; }

        public VatDueDateType? DueDateType { get; set; }
    }

    /// <summary>What the payment terms give, gathered term by term.</summary>
    private sealed class PaymentTerms
    {
        public List<string>? Descriptions { get; set; }

        public LocalDate? DueDate { get; set; }

        public string? Mandate { get; set; }
    }

    /// <summary>What the payment means (BG-16) give, gathered one by one.</summary>
    private sealed class PaymentMeans
    {
        public int Count { get; set; }

        public string? Code { get; set; }

        public string? Text { get; set; }

        public List<CreditTransfer> Transfers { get; } = [];

        public PaymentCard? Card { get; set; }

        public string? Debited { get; set; }

        /// <summary>The payment instructions (BG-16), or null when the document states no payment means.</summary>
        public PaymentInstructions? ToInstructions(string? mandate, string? creditorId, string? remittance) => Count == 0
            ? null
            : new PaymentInstructions
            {
                MeansCode = Code!,
                MeansText = Text,
                RemittanceInformation = remittance,
                CreditTransfers = Transfers.ToValueList(),
                Card = Card,
                DirectDebit = mandate is null && Debited is null ? null : new DirectDebit(mandate ?? string.Empty, creditorId, Debited),
            };
    }
}
