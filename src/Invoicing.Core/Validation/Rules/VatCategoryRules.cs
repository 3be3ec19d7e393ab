using static Invoicing.Core.Validation.IssueCollector;

namespace Invoicing.Core.Validation;

/// <summary>
/// EN 16931 rules per VAT category: BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-* (category K), BR-G-*, BR-O-*,
/// BR-AF-* (L), BR-AG-* (M), BR-B-* (split payment), and the VATEX code list (BR-CL-22).
/// </summary>
internal static class VatCategoryRules
{
    public static void Check(Invoice invoice, IssueCollector issues)
    {
        var used = new HashSet<VatCategory>();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            if (invoice.Lines[i] is { } line && IsDefined(line.VatCategory))
            {
                used.Add(line.VatCategory);
                CheckRate(line.VatCategory, line.VatRate, "lines", i, "05", issues);
            }
        }

        for (var i = 0; i < invoice.AllowancesCharges.Count; i++)
        {
            if (invoice.AllowancesCharges[i] is { VatCategory: { } category } item && IsDefined(category))
            {
                used.Add(category);
                CheckRate(category, item.VatRate, "allowancesCharges", i, item.IsCharge ? "07" : "06", issues);
            }
        }

        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        var representativeVat = !Text.Blank(invoice.SellerTaxRepresentative?.VatId);
        var sellerVat = !Text.Blank(seller?.VatId) || representativeVat;
        var sellerTaxId = sellerVat || !Text.Blank(seller?.TaxRegistrationId);
        foreach (var category in used.Order())
        {
            switch (category)
            {
                case VatCategory.S or VatCategory.Z or VatCategory.E or VatCategory.L or VatCategory.M:
                    if (!sellerTaxId && !(category == VatCategory.E && IsFranchise(invoice)))
                    {
                        issues.Error(Rule(category, "02"), "seller.vatId", $"An invoice with VAT category {category.Code()} shall contain the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) or the seller tax representative VAT identifier (BT-63).");
                    }

                    break;
                case VatCategory.G:
                    if (!sellerVat)
                    {
                        issues.Error("BR-G-02", "seller.vatId", "An export invoice (category G) shall contain the seller VAT identifier (BT-31) or the seller tax representative VAT identifier (BT-63).");
                    }

                    break;
                case VatCategory.AE:
                    if (!sellerTaxId)
                    {
                        issues.Error("BR-AE-02", "seller.vatId", "A reverse charge invoice (category AE) shall contain the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) or the seller tax representative VAT identifier (BT-63).");
                    }

                    if (Text.Blank(buyer?.VatId) && buyer?.LegalId is null)
                    {
                        issues.Error("BR-AE-02", "buyer.vatId", "A reverse charge invoice (category AE) shall contain the buyer VAT identifier (BT-48) or legal registration identifier (BT-47).");
                    }

                    break;
                case VatCategory.K:
                    CheckIntraCommunity(invoice, issues);
                    break;
                case VatCategory.O:
                    if (!Text.Blank(seller?.VatId))
                    {
                        issues.Error("BR-O-02", "seller.vatId", "An invoice with a line outside the scope of VAT (category O) shall not contain the seller VAT identifier (BT-31).");
                    }

                    if (representativeVat)
                    {
                        issues.Error("BR-O-02", "sellerTaxRepresentative.vatId", "An invoice with a line outside the scope of VAT (category O) shall not contain the seller tax representative VAT identifier (BT-63).");
                    }

                    if (!Text.Blank(buyer?.VatId))
                    {
                        issues.Error("BR-O-02", "buyer.vatId", "An invoice with a line outside the scope of VAT (category O) shall not contain the buyer VAT identifier (BT-48).");
                    }

                    if (used.Count > 1)
                    {
                        issues.Error("BR-O-11", "lines", "An invoice with VAT category O shall not contain any other VAT category.");
                    }

                    break;
                case VatCategory.B:
                    if (Text.CountryOf(seller) is { } country && country != "IT")
                    {
                        issues.Error("BR-B-01", "seller.address.countryCode", "Split payment (category B) is only for domestic Italian invoices.");
                    }

                    if (used.Contains(VatCategory.S))
                    {
                        issues.Error("BR-B-02", "lines", "An invoice with split payment (category B) shall not contain the standard rate category S.");
                    }

                    break;
            }
        }

        CheckExemptions(invoice, used, issues);
    }

    private static void CheckIntraCommunity(Invoice invoice, IssueCollector issues)
    {
        var sellerVatId = Text.Blank(invoice.Seller?.VatId) ? invoice.SellerTaxRepresentative?.VatId : invoice.Seller?.VatId;
        if (Text.Blank(sellerVatId))
        {
            issues.Error("BR-IC-02", "seller.vatId", "An intra-community supply (category K) shall contain the seller VAT identifier (BT-31) or the seller tax representative VAT identifier (BT-63).");
        }

        if (Text.Blank(invoice.Buyer?.VatId))
        {
            issues.Error("BR-IC-02", "buyer.vatId", "An intra-community supply (category K) shall contain the buyer VAT identifier (BT-48).");
        }

        var sellerPrefix = Prefix(sellerVatId);
        var buyerPrefix = Prefix(invoice.Buyer?.VatId);
        if (sellerPrefix is not null && sellerPrefix == buyerPrefix)
        {
            issues.Error("INV-IC-COUNTRIES", "buyer.vatId", $"An intra-community supply (category K) goes to another member state; seller and buyer VAT identifiers are both from {sellerPrefix}.");
        }

        if (invoice.Delivery?.Date is null && invoice.InvoicingPeriod is null)
        {
            issues.Error("BR-IC-11", "delivery.date", "An intra-community supply (category K) shall state the actual delivery date (BT-72) or the invoicing period (BG-14).");
        }

        if (Text.Blank(invoice.Delivery?.Address?.CountryCode))
        {
            issues.Error("BR-IC-12", "delivery.address.countryCode", "An intra-community supply (category K) shall state the deliver-to country code (BT-80).");
        }
    }

    private static void CheckRate(VatCategory category, decimal? rate, string list, int index, string suffix, IssueCollector issues)
    {
        switch (category)
        {
            case VatCategory.S when rate is null or <= 0m:
                issues.Error("BR-S-" + suffix, Path(), "A VAT rate (BT-152, BT-96, BT-103) greater than zero is required for the standard category S.");
                break;
            case VatCategory.Z or VatCategory.E or VatCategory.AE or VatCategory.K or VatCategory.G when rate is { } value && value != 0m:
                issues.Error(Rule(category, suffix), Path(), $"The VAT rate of category {category.Code()} shall be 0; it is {Amount(value)}.");
                break;
            case VatCategory.O when rate is not null:
                issues.Error("BR-O-" + suffix, Path(), "A supply outside the scope of VAT (category O) shall not have a VAT rate.");
                break;
            case VatCategory.L or VatCategory.M when rate is null or < 0m:
                issues.Error(Rule(category, suffix), Path(), $"A VAT rate of zero or more is required for category {category.Code()}.");
                break;
        }

        string Path() => At(list, index) + ".vatRate";
    }

    private static void CheckExemptions(Invoice invoice, HashSet<VatCategory> used, IssueCollector issues)
    {
        var stated = new Dictionary<VatCategory, int>();
        for (var i = 0; i < invoice.VatExemptions.Count; i++)
        {
            var path = At("vatExemptions", i);
            if (invoice.VatExemptions[i] is not { } exemption)
            {
                issues.Error("INV-NULL", path, "A VAT exemption entry is missing (null).");
                continue;
            }

            stated.TryAdd(exemption.Category, i);
            if (exemption.ReasonCode is { } code && !VatMentions.IsKnownCode(code))
            {
                issues.Error("BR-CL-22", path + ".reasonCode", $"'{code}' is not a code of the VATEX exemption reason list (BT-121).");
            }

            if (exemption.Category is VatCategory.S or VatCategory.Z && used.Contains(exemption.Category)
                && (!Text.Blank(exemption.ReasonCode) || !Text.Blank(exemption.Reason)))
            {
                issues.Error(Rule(exemption.Category, "10"), path, $"Category {exemption.Category.Code()} shall not have a VAT exemption reason (BT-120, BT-121).");
            }

            var expected = exemption.Category switch
            {
                VatCategory.AE => VatMentions.ReverseChargeCode,
                VatCategory.K => VatMentions.IntraCommunityCode,
                VatCategory.G => VatMentions.ExportCode,
                VatCategory.O => VatMentions.OutOfScopeCode,
                _ => null,
            };
            if (expected is not null && exemption.ReasonCode is { } given && !Text.Blank(given) && given != expected)
            {
                issues.Error(Rule(exemption.Category, "10"), path + ".reasonCode", $"The exemption reason code of category {exemption.Category.Code()} shall be {expected}; it is '{given}'.");
            }
        }

        foreach (var category in used.Order())
        {
            if (!VatMentions.RequiresExemptionReason(category))
            {
                continue;
            }

            if (!stated.TryGetValue(category, out var index)
                || (Text.Blank(invoice.VatExemptions[index]!.ReasonCode) && Text.Blank(invoice.VatExemptions[index]!.Reason)))
            {
                issues.Error(
                    Rule(category, "10"),
                    "vatExemptions",
                    $"The VAT breakdown of category {category.Code()} shall have an exemption reason code (BT-121) or text (BT-120), for example {VatMentions.For(category).ReasonCode}.");
            }
        }
    }

    private static bool IsFranchise(Invoice invoice) =>
        invoice.VatExemptions.Any(e => e is { Category: VatCategory.E, ReasonCode: VatMentions.FrenchFranchiseCode });

    private static bool IsDefined(VatCategory category) => (uint)category <= (uint)VatCategory.B;

    private static string? Prefix(string? vatId) =>
        vatId?.Trim() is { Length: > 2 } id && Text.IsCountryCode(id[..2]) ? id[..2] : null;

    /// <summary>The EN 16931 rule id of a category rule: K rules are named BR-IC, L BR-AF, M BR-AG.</summary>
    private static string Rule(VatCategory category, string suffix) => category switch
    {
        VatCategory.K => "BR-IC-" + suffix,
        VatCategory.L => "BR-AF-" + suffix,
        VatCategory.M => "BR-AG-" + suffix,
        _ => "BR-" + category.Code() + "-" + suffix,
    };
}
