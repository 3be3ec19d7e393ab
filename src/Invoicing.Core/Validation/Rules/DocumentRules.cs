using static Invoicing.Core.Validation.IssueCollector;

namespace Invoicing.Core.Validation;

/// <summary>EN 16931 BR-01..BR-65: mandatory fields and the cardinality of groups, as they apply to our model.</summary>
internal static class DocumentRules
{
    public static void Check(Invoice invoice, IssueCollector issues)
    {
        if (invoice.Number is not null && Text.Blank(invoice.Number))
        {
            issues.Error("BR-02", "number", "An invoice shall have an invoice number (BT-1); it is blank.");
        }

        if (invoice.IssueDate == default)
        {
            issues.Error("BR-03", "issueDate", "An invoice shall have an invoice issue date (BT-2).");
        }

        if (!Enum.IsDefined(invoice.Type) && !invoice.Type.IsCreditNote())
        {
            issues.Error("BR-04", "type", $"The invoice type code (BT-3) {(int)invoice.Type} is not one of the UNTDID 1001 codes EN 16931 allows.");
        }

        if (!invoice.Currency.IsDefined)
        {
            issues.Error("BR-05", "currency", "An invoice shall have an invoice currency code (BT-5).");
        }

        CheckParty(invoice.Seller, "seller", "BR-06", "BR-08", "BR-09", "Seller", "BT-27", "BG-5", "BT-40", issues);
        CheckParty(invoice.Buyer, "buyer", "BR-07", "BR-10", "BR-11", "Buyer", "BT-44", "BG-8", "BT-55", issues);
        if (invoice.Payee is { } payee && Text.Blank(payee.Name))
        {
            issues.Error("BR-17", "payee.name", "The payee name (BT-59) shall be provided when the payee is not the seller.");
        }

        CheckTaxRepresentative(invoice.SellerTaxRepresentative, issues);

        if (invoice.Lines.Count == 0)
        {
            issues.Error("BR-16", "lines", "An invoice shall have at least one invoice line (BG-25).");
        }

        CheckLines(invoice, issues);
        CheckDocumentAllowancesCharges(invoice, issues);
        CheckPeriod(invoice.InvoicingPeriod, "invoicingPeriod", "BR-29", "BR-CO-19", issues);
        CheckPayment(invoice.PaymentInstructions, issues);

        if (invoice.VatAccountingCurrency is not null && invoice.VatTotalInAccountingCurrency is null)
        {
            issues.Error("BR-53", "vatTotalInAccountingCurrency", "When a VAT accounting currency (BT-6) is given, the total VAT in it (BT-111) shall be provided.");
        }

        for (var i = 0; i < invoice.PrecedingInvoices.Count; i++)
        {
            if (invoice.PrecedingInvoices[i] is not { } reference || Text.Blank(reference.Number))
            {
                issues.Error("BR-55", At("precedingInvoices", i) + ".number", "Each preceding invoice reference (BG-3) shall contain the preceding invoice number (BT-25).");
            }
        }

        if (invoice.Delivery?.Address is { } deliveryAddress && Text.Blank(deliveryAddress.CountryCode))
        {
            issues.Error("BR-57", "delivery.address.countryCode", "Each deliver-to address (BG-15) shall contain a deliver-to country code (BT-80).");
        }

        if (invoice.Seller?.ElectronicAddress is { } sellerAddress && Text.Blank(sellerAddress.Scheme))
        {
            issues.Error("BR-62", "seller.electronicAddress.scheme", "The seller electronic address (BT-34) shall have a scheme identifier.");
        }

        if (invoice.Buyer?.ElectronicAddress is { } buyerAddress && Text.Blank(buyerAddress.Scheme))
        {
            issues.Error("BR-63", "buyer.electronicAddress.scheme", "The buyer electronic address (BT-49) shall have a scheme identifier.");
        }
    }

    private static void CheckParty(Party? party, string path, string nameRule, string addressRule, string countryRule, string role, string nameTerm, string addressGroup, string countryTerm, IssueCollector issues)
    {
        if (party is null)
        {
            issues.Error(nameRule, path, $"An invoice shall contain the {role.ToLowerInvariant()} ({role} name {nameTerm}); the {role.ToLowerInvariant()} is missing.");
            return;
        }

        if (Text.Blank(party.Name))
        {
            issues.Error(nameRule, path + ".name", $"An invoice shall contain the {role} name ({nameTerm}).");
        }

        if (party.Address is null)
        {
            issues.Error(addressRule, path + ".address", $"An invoice shall contain the {role} postal address ({addressGroup}).");
        }
        else if (Text.Blank(party.Address.CountryCode))
        {
            issues.Error(countryRule, path + ".address.countryCode", $"The {role} postal address shall contain a country code ({countryTerm}).");
        }
        else if (!Text.IsCountryCode(party.Address.CountryCode))
        {
            issues.Error("BR-CL-14", path + ".address.countryCode", $"'{party.Address.CountryCode}' is not an ISO 3166-1 alpha-2 country code ({countryTerm}).");
        }
    }

    private static void CheckTaxRepresentative(TaxRepresentative? representative, IssueCollector issues)
    {
        if (representative is null)
        {
            return;
        }

        if (Text.Blank(representative.Name))
        {
            issues.Error("BR-18", "sellerTaxRepresentative.name", "The seller tax representative name (BT-62) shall be provided when the seller has a tax representative (BG-11).");
        }

        if (representative.Address is not { } address)
        {
            issues.Error("BR-19", "sellerTaxRepresentative.address", "The seller tax representative postal address (BG-12) shall be provided when the seller has a tax representative (BG-11).");
        }
        else if (Text.Blank(address.CountryCode))
        {
            issues.Error("BR-20", "sellerTaxRepresentative.address.countryCode", "The seller tax representative postal address (BG-12) shall contain a country code (BT-69).");
        }
        else if (!Text.IsCountryCode(address.CountryCode))
        {
            issues.Error("BR-CL-14", "sellerTaxRepresentative.address.countryCode", $"'{address.CountryCode}' is not an ISO 3166-1 alpha-2 country code (BT-69).");
        }

        if (Text.Blank(representative.VatId))
        {
            issues.Error("BR-56", "sellerTaxRepresentative.vatId", "Each seller tax representative party (BG-11) shall have a seller tax representative VAT identifier (BT-63).");
        }
    }

    private static void CheckLines(Invoice invoice, IssueCollector issues)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            string? cachedPath = null;
            string LinePath() => cachedPath ??= At("lines", i);
            if (invoice.Lines[i] is not { } line)
            {
                issues.Error("BR-16", LinePath(), "An invoice line is missing (null).");
                continue;
            }

            if (Text.Blank(line.Id))
            {
                issues.Error("BR-21", LinePath() + ".id", "Each invoice line shall have an invoice line identifier (BT-126).");
            }
            else if (!ids.Add(line.Id))
            {
                issues.Error("INV-LINE-ID", LinePath() + ".id", $"The invoice line identifier (BT-126) '{line.Id}' is used by an earlier line; it shall be unique.");
            }

            if (Text.Blank(line.UnitCode))
            {
                issues.Error("BR-23", LinePath() + ".unitCode", "An invoice line shall have an invoiced quantity unit of measure code (BT-130).");
            }

            if (Text.Blank(line.ItemName))
            {
                issues.Error("BR-25", LinePath() + ".itemName", "Each invoice line shall contain the item name (BT-153).");
            }

            if (line.NetPrice < 0m)
            {
                issues.Error("BR-27", LinePath() + ".netPrice", $"The item net price (BT-146) shall not be negative; it is {Amount(line.NetPrice)}.");
            }

            if (line.VatInclusivePrice is < 0m)
            {
                issues.Error("BR-27", LinePath() + ".vatInclusivePrice", $"The item price with VAT included shall not be negative: the net price (BT-146) derived from it would be; it is {Amount(line.VatInclusivePrice.Value)}.");
            }

            if (line.GrossPrice is < 0m)
            {
                issues.Error("BR-28", LinePath() + ".grossPrice", $"The item gross price (BT-148) shall not be negative; it is {Amount(line.GrossPrice.Value)}.");
            }

            if (line.BaseQuantity is <= 0m)
            {
                issues.Error("INV-BASE-QUANTITY", LinePath() + ".baseQuantity", "The item price base quantity (BT-149) must be greater than zero.");
            }

            if ((uint)line.VatCategory > (uint)VatCategory.B)
            {
                issues.Error("BR-CO-04", LinePath() + ".vatCategory", $"Each invoice line shall be categorized with an invoiced item VAT category code (BT-151); {(int)line.VatCategory} is not one.");
            }

            if (IsAbsurdRate(line.VatRate))
            {
                CheckRate(line.VatRate, LinePath() + ".vatRate", issues);
            }

            if (line.Period is not null)
            {
                CheckPeriod(line.Period, LinePath() + ".period", "BR-30", "BR-CO-20", issues);
            }

            if (line.StandardItemId is { } standard && Text.Blank(standard.Scheme))
            {
                issues.Error("BR-64", LinePath() + ".standardItemId.scheme", "The item standard identifier (BT-157) shall have a scheme identifier.");
            }

            for (var j = 0; j < line.ClassificationIds.Count; j++)
            {
                if (Text.Blank(line.ClassificationIds[j].Scheme))
                {
                    issues.Error("BR-65", At(LinePath() + ".classificationIds", j) + ".scheme", "The item classification identifier (BT-158) shall have a scheme identifier.");
                }
            }

            for (var j = 0; j < line.AllowancesCharges.Count; j++)
            {
                var itemPath = At(LinePath() + ".allowancesCharges", j);
                if (line.AllowancesCharges[j] is not { } item)
                {
                    issues.Error("BR-41", itemPath, "A line allowance or charge is missing (null).");
                    continue;
                }

                if (Text.Blank(item.Reason) && Text.Blank(item.ReasonCode))
                {
                    issues.Error(
                        item.IsCharge ? "BR-44" : "BR-42",
                        itemPath + ".reason",
                        item.IsCharge
                            ? "Each invoice line charge (BG-28) shall have a reason (BT-144) or a reason code (BT-145)."
                            : "Each invoice line allowance (BG-27) shall have a reason (BT-139) or a reason code (BT-140).");
                }
            }
        }
    }

    private static void CheckDocumentAllowancesCharges(Invoice invoice, IssueCollector issues)
    {
        for (var i = 0; i < invoice.AllowancesCharges.Count; i++)
        {
            var path = At("allowancesCharges", i);
            if (invoice.AllowancesCharges[i] is not { } item)
            {
                issues.Error("BR-31", path, "A document-level allowance or charge is missing (null).");
                continue;
            }

            if (item.VatCategory is null)
            {
                issues.Error(
                    item.IsCharge ? "BR-37" : "BR-32",
                    path + ".vatCategory",
                    $"Each document level {(item.IsCharge ? "charge shall have a VAT category code (BT-102)" : "allowance shall have a VAT category code (BT-95)")}.");
            }
            else if ((uint)item.VatCategory.Value > (uint)VatCategory.B)
            {
                issues.Error("BR-CO-04", path + ".vatCategory", $"{(int)item.VatCategory.Value} is not a VAT category code.");
            }

            if (Text.Blank(item.Reason) && Text.Blank(item.ReasonCode))
            {
                issues.Error(
                    item.IsCharge ? "BR-38" : "BR-33",
                    path + ".reason",
                    item.IsCharge
                        ? "Each document level charge (BG-21) shall have a reason (BT-104) or a reason code (BT-105)."
                        : "Each document level allowance (BG-20) shall have a reason (BT-97) or a reason code (BT-98).");
            }

            CheckRate(item.VatRate, path + ".vatRate", issues);
        }
    }

    private static bool IsAbsurdRate(decimal? rate) => rate is { } value && (value < 0m || value > 100m);

    private static void CheckRate(decimal? rate, string path, IssueCollector issues)
    {
        if (rate is { } value && (value < 0m || value > 100m))
        {
            issues.Error("INV-VAT-RATE", path, $"A VAT rate is a percentage between 0 and 100; {Amount(value)} is not.");
        }
    }

    private static void CheckPeriod(InvoicePeriod? period, string path, string orderRule, string presenceRule, IssueCollector issues)
    {
        if (period is null)
        {
            return;
        }

        if (period.Start is null && period.End is null)
        {
            issues.Error(presenceRule, path, "A period shall have a start date or an end date, or both.");
        }
        else if (period.Start is { } start && period.End is { } end && end < start)
        {
            issues.Error(orderRule, path + ".end", "The period end date shall be later or equal to the period start date.");
        }
    }

    private static void CheckPayment(PaymentInstructions? payment, IssueCollector issues)
    {
        if (payment is null)
        {
            return;
        }

        if (Text.Blank(payment.MeansCode))
        {
            issues.Error("BR-49", "paymentInstructions.meansCode", "The payment instructions (BG-16) shall specify the payment means type code (BT-81).");
        }

        var transfer = payment.MeansCode?.Trim() is PaymentInstructions.CreditTransferCode or PaymentInstructions.SepaCreditTransfer;
        if (transfer && payment.CreditTransfers.Count == 0)
        {
            issues.Error("BR-61", "paymentInstructions.creditTransfers", "A credit transfer (BT-81 = 30 or 58) needs the payment account identifier (BT-84).");
        }

        for (var i = 0; i < payment.CreditTransfers.Count; i++)
        {
            if (payment.CreditTransfers[i] is not { } account || Text.Blank(account.AccountId))
            {
                issues.Error("BR-50", At("paymentInstructions.creditTransfers", i) + ".accountId", "A payment account identifier (BT-84) shall be present for each credit transfer (BG-17).");
            }
        }

        if (payment.Card is { } card && (card.PrimaryAccountNumber?.Count(char.IsAsciiDigit) ?? 0) > 10)
        {
            issues.Error("BR-51", "paymentInstructions.card.primaryAccountNumber", "An invoice shall never carry a full card number (BT-87): at most the first 6 and last 4 digits.");
        }
    }
}
