using System.Xml.Linq;

namespace Invoicing.EInvoicing.Ubl;

/// <content>
/// The rules of each VAT category: S standard, Z zero, E exempt, AE reverse charge, K intra-community (BR-IC),
/// G export, O not subject, L IGIC (BR-IG), M IPSI (BR-IP). Numbering follows EN 16931: 01 breakdown present,
/// 02-04 party VAT identifiers for lines, allowances, charges, 05-07 rates, 08 taxable amount, 09 tax amount,
/// 10 exemption reason.
/// </content>
internal sealed partial class UblRuleRunner
{
    private enum Breakdown
    {
        AtLeastOne,
        ExactlyOne,
    }

    private enum Rate
    {
        Positive,
        Zero,
        Absent,
        NotNegative,
    }

    private enum Parties
    {
        SellerVat,
        SellerVatOrTaxRegistration,
        ReverseCharge,
        IntraCommunity,
        NoVatIds,
    }

    private void VatCategoryRules()
    {
        Category("S", "BR-S", Breakdown.AtLeastOne, Parties.SellerVatOrTaxRegistration, Rate.Positive, exemption: false);
        Category("Z", "BR-Z", Breakdown.ExactlyOne, Parties.SellerVatOrTaxRegistration, Rate.Zero, exemption: false);
        Category("E", "BR-E", Breakdown.ExactlyOne, Parties.SellerVatOrTaxRegistration, Rate.Zero, exemption: true);
        Category("AE", "BR-AE", Breakdown.ExactlyOne, Parties.ReverseCharge, Rate.Zero, exemption: true);
        Category("K", "BR-IC", Breakdown.ExactlyOne, Parties.IntraCommunity, Rate.Zero, exemption: true);
        Category("G", "BR-G", Breakdown.ExactlyOne, Parties.SellerVatOrTaxRegistration, Rate.Zero, exemption: true);
        Category("O", "BR-O", Breakdown.ExactlyOne, Parties.NoVatIds, Rate.Absent, exemption: true);
        Category("L", "BR-IG", Breakdown.AtLeastOne, Parties.SellerVatOrTaxRegistration, Rate.NotNegative, exemption: false);
        Category("M", "BR-IP", Breakdown.AtLeastOne, Parties.SellerVatOrTaxRegistration, Rate.NotNegative, exemption: false);
        IntraCommunityDelivery();
        NotSubjectExclusive();
    }

    private void Category(string code, string prefix, Breakdown breakdown, Parties parties, Rate rate, bool exemption)
    {
        var lines = _lines.Where(l => VatCode(LineCategory(l)) == code).ToList();
        var allowances = _documentAllowanceCharges.Where(a => IsAllowance(a) && VatCode(Cac(a, "TaxCategory")) == code).ToList();
        var charges = _documentAllowanceCharges.Where(a => IsCharge(a) && VatCode(Cac(a, "TaxCategory")) == code).ToList();
        var subtotals = _subtotals.Where(s => VatCode(Cac(s, "TaxCategory")) == code).ToList();
        var used = lines.Count + allowances.Count + charges.Count > 0;

        var breakdownOk = used
            ? breakdown == Breakdown.AtLeastOne ? subtotals.Count > 0 : subtotals.Count == 1
            : subtotals.Count == 0;
        Require(breakdownOk, prefix + "-01", _root, $"An Invoice that contains an item, allowance or charge of VAT category '{code}' shall contain {(breakdown == Breakdown.AtLeastOne ? "at least one" : "exactly one")} VAT breakdown group (BG-23) with that category, and none otherwise.");

        var partiesOk = PartiesOk(parties);
        foreach (var line in lines)
        {
            Require(partiesOk, prefix + "-02", line, PartiesMessage(code, parties, "an Invoice line"));
            RateOk(LineCategory(line)!, rate, prefix + "-05", code, "Invoiced item VAT rate (BT-152)");
        }

        foreach (var allowance in allowances)
        {
            Require(partiesOk, prefix + "-03", allowance, PartiesMessage(code, parties, "a Document level allowance"));
            RateOk(Cac(allowance, "TaxCategory")!, rate, prefix + "-06", code, "Document level allowance VAT rate (BT-96)");
        }

        foreach (var charge in charges)
        {
            Require(partiesOk, prefix + "-04", charge, PartiesMessage(code, parties, "a Document level charge"));
            RateOk(Cac(charge, "TaxCategory")!, rate, prefix + "-07", code, "Document level charge VAT rate (BT-103)");
        }

        foreach (var subtotal in subtotals)
        {
            var category = Cac(subtotal, "TaxCategory")!;
            var subtotalRate = Dec(Cbc(category, "Percent"));
            var byRate = rate is Rate.Positive or Rate.NotNegative;
            bool SameRate(XElement? c) => !byRate || Dec(Cbc(c, "Percent")) == subtotalRate;
            var expected = Sum(lines.Where(l => SameRate(LineCategory(l))).Select(l => Cbc(l, "LineExtensionAmount")))
                + Sum(charges.Where(c => SameRate(Cac(c, "TaxCategory"))).Select(c => Cbc(c, "Amount")))
                - Sum(allowances.Where(a => SameRate(Cac(a, "TaxCategory"))).Select(a => Cbc(a, "Amount")));
            if (Dec(Cbc(subtotal, "TaxableAmount")) is { } taxable)
            {
                var ok = byRate ? Math.Abs(taxable - expected) < 1m : Round2(taxable) == Round2(expected);
                Require(ok, prefix + "-08", subtotal, $"The VAT category taxable amount (BT-116) of category '{code}' shall equal the sum of its Invoice line net amounts (BT-131) minus its document level allowances (BT-92) plus its document level charges (BT-99).");
            }

            if (Dec(Cbc(subtotal, "TaxAmount")) is { } tax)
            {
                if (byRate)
                {
                    var taxableAmount = Dec(Cbc(subtotal, "TaxableAmount")) ?? 0m;
                    var computed = Round2(Math.Abs(taxableAmount) * (subtotalRate ?? 0m) / 100m);
                    Require(Math.Abs(Math.Abs(tax) - computed) < 1m, prefix + "-09", subtotal, $"The VAT category tax amount (BT-117) of category '{code}' shall equal the taxable amount (BT-116) multiplied by the VAT rate (BT-119).");
                }
                else
                {
                    Require(tax == 0m, prefix + "-09", subtotal, $"The VAT category tax amount (BT-117) of category '{code}' shall be 0 (zero).");
                }
            }

            var reasoned = Has(category, "TaxExemptionReason") || Has(category, "TaxExemptionReasonCode");
            Require(reasoned == exemption, prefix + "-10", subtotal, exemption
                ? $"A VAT breakdown (BG-23) with VAT category '{code}' shall have a VAT exemption reason code (BT-121) or a VAT exemption reason text (BT-120)."
                : $"A VAT breakdown (BG-23) with VAT category '{code}' shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).");
        }
    }

    private bool PartiesOk(Parties parties)
    {
        var sellerVat = HasVatId(SellerParty);
        var representativeVat = HasVatId(TaxRepresentative);
        var sellerTax = HasTaxRegistrationId(SellerParty);
        var buyerVat = HasVatId(BuyerParty);
        var buyerLegal = Has(Cac(BuyerParty, "PartyLegalEntity"), "CompanyID");
        return parties switch
        {
            Parties.SellerVat => sellerVat || representativeVat,
            Parties.SellerVatOrTaxRegistration => sellerVat || representativeVat || sellerTax,
            Parties.ReverseCharge => (sellerVat || representativeVat || sellerTax) && (buyerVat || buyerLegal),
            Parties.IntraCommunity => (sellerVat || representativeVat) && buyerVat,
            _ => !sellerVat && !representativeVat && !buyerVat,
        };
    }

    private static string PartiesMessage(string code, Parties parties, string what) => parties switch
    {
        Parties.SellerVat => $"An Invoice that contains {what} with VAT category '{code}' shall contain the Seller VAT identifier (BT-31) and/or the Seller tax representative VAT identifier (BT-63).",
        Parties.SellerVatOrTaxRegistration => $"An Invoice that contains {what} with VAT category '{code}' shall contain the Seller VAT identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        Parties.ReverseCharge => $"An Invoice that contains {what} with VAT category '{code}' shall contain the Seller VAT identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63), and the Buyer VAT identifier (BT-48) and/or the Buyer legal registration identifier (BT-47).",
        Parties.IntraCommunity => $"An Invoice that contains {what} with VAT category '{code}' shall contain the Seller VAT identifier (BT-31) or the Seller tax representative VAT identifier (BT-63), and the Buyer VAT identifier (BT-48).",
        _ => $"An Invoice that contains {what} with VAT category '{code}' shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
    };

    private void RateOk(XElement category, Rate rate, string rule, string code, string term)
    {
        var percent = Dec(Cbc(category, "Percent"));
        var ok = rate switch
        {
            Rate.Positive => percent > 0m,
            Rate.Zero => percent == 0m,
            Rate.Absent => Cbc(category, "Percent") is null,
            _ => percent >= 0m,
        };
        Require(ok, rule, category, rate switch
        {
            Rate.Positive => $"For VAT category '{code}' the {term} shall be greater than zero.",
            Rate.Zero => $"For VAT category '{code}' the {term} shall be 0 (zero).",
            Rate.Absent => $"For VAT category '{code}' the {term} shall not be present.",
            _ => $"For VAT category '{code}' the {term} shall be 0 (zero) or greater than zero.",
        });
    }

    private void IntraCommunityDelivery()
    {
        if (_subtotals.Any(s => VatCode(Cac(s, "TaxCategory")) == "K"))
        {
            var delivery = Cacs(_root, "Delivery").ToList();
            var dated = delivery.Any(d => Has(d, "ActualDeliveryDate")) || Cac(_root, "InvoicePeriod") is { } period && (Has(period, "StartDate") || Has(period, "EndDate"));
            Require(dated, "BR-IC-11", _root, "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is 'Intra-community supply' the Actual delivery date (BT-72) or the Invoicing period (BG-14) shall not be blank.");
            var country = delivery.Any(d => Has(Cac(Cac(Cac(d, "DeliveryLocation"), "Address"), "Country"), "IdentificationCode"));
            Require(country, "BR-IC-12", _root, "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is 'Intra-community supply' the Deliver to country code (BT-80) shall not be blank.");
        }
    }

    private void NotSubjectExclusive()
    {
        if (!_subtotals.Any(s => VatCode(Cac(s, "TaxCategory")) == "O"))
        {
            return;
        }

        Require(_subtotals.All(s => VatCode(Cac(s, "TaxCategory")) == "O"), "BR-O-11", _root, "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) 'Not subject to VAT' shall not contain other VAT breakdown groups (BG-23).");
        Require(_lines.All(l => VatCode(LineCategory(l)) is null or "O"), "BR-O-12", _root, "An Invoice that contains a VAT breakdown group with category 'Not subject to VAT' shall not contain an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is not 'Not subject to VAT'.");
        Require(_documentAllowanceCharges.Where(IsAllowance).All(a => VatCode(Cac(a, "TaxCategory")) is null or "O"), "BR-O-13", _root, "An Invoice that contains a VAT breakdown group with category 'Not subject to VAT' shall not contain Document level allowances (BG-20) where the VAT category code (BT-95) is not 'Not subject to VAT'.");
        Require(_documentAllowanceCharges.Where(IsCharge).All(a => VatCode(Cac(a, "TaxCategory")) is null or "O"), "BR-O-14", _root, "An Invoice that contains a VAT breakdown group with category 'Not subject to VAT' shall not contain Document level charges (BG-21) where the VAT category code (BT-102) is not 'Not subject to VAT'.");
    }
}
