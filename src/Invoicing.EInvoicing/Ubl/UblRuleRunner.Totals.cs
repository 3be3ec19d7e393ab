namespace Invoicing.EInvoicing.Ubl;

/// <content>The stated totals against the amounts they sum (BR-CO-10 to BR-CO-18), exact in decimal.</content>
internal sealed partial class UblRuleRunner
{
    private void TotalsRules()
    {
        var monetary = Cac(_root, "LegalMonetaryTotal");
        var lineTotal = Dec(Cbc(monetary, "LineExtensionAmount"));
        var allowanceTotal = Dec(Cbc(monetary, "AllowanceTotalAmount"));
        var chargeTotal = Dec(Cbc(monetary, "ChargeTotalAmount"));
        var taxExclusive = Dec(Cbc(monetary, "TaxExclusiveAmount"));
        var taxInclusive = Dec(Cbc(monetary, "TaxInclusiveAmount"));
        var prepaid = Dec(Cbc(monetary, "PrepaidAmount"));
        var rounding = Dec(Cbc(monetary, "PayableRoundingAmount"));
        var payable = Dec(Cbc(monetary, "PayableAmount"));
        var allowances = _documentAllowanceCharges.Where(IsAllowance).ToList();
        var charges = _documentAllowanceCharges.Where(IsCharge).ToList();

        if (monetary is not null && lineTotal is { } lines)
        {
            Require(
                Round2(lines) == Round2(Sum(_lines.Select(l => Cbc(l, "LineExtensionAmount")))),
                "BR-CO-10",
                Cbc(monetary, "LineExtensionAmount"),
                "Sum of Invoice line net amount (BT-106) = sum of Invoice line net amounts (BT-131).");
        }

        if (allowanceTotal is { } statedAllowances)
        {
            Require(
                Round2(statedAllowances) == Round2(Sum(allowances.Select(a => Cbc(a, "Amount")))),
                "BR-CO-11",
                Cbc(monetary, "AllowanceTotalAmount"),
                "Sum of allowances on document level (BT-107) = sum of Document level allowance amounts (BT-92).");
        }
        else
        {
            Require(allowances.Count == 0, "BR-CO-11", monetary ?? _root, "Sum of allowances on document level (BT-107) shall be stated when there are document level allowances.");
        }

        if (chargeTotal is { } statedCharges)
        {
            Require(
                Round2(statedCharges) == Round2(Sum(charges.Select(a => Cbc(a, "Amount")))),
                "BR-CO-12",
                Cbc(monetary, "ChargeTotalAmount"),
                "Sum of charges on document level (BT-108) = sum of Document level charge amounts (BT-99).");
        }
        else
        {
            Require(charges.Count == 0, "BR-CO-12", monetary ?? _root, "Sum of charges on document level (BT-108) shall be stated when there are document level charges.");
        }

        if (taxExclusive is { } exclusive)
        {
            Require(
                Round2(exclusive) == Round2((lineTotal ?? 0m) - (allowanceTotal ?? 0m) + (chargeTotal ?? 0m)),
                "BR-CO-13",
                Cbc(monetary, "TaxExclusiveAmount"),
                "Invoice total amount without VAT (BT-109) = Sum of Invoice line net amount (BT-106) - Sum of allowances on document level (BT-107) + Sum of charges on document level (BT-108).");
        }

        var mainTotals = MainTaxTotals().ToList();
        foreach (var total in mainTotals)
        {
            if (Dec(Cbc(total, "TaxAmount")) is { } vat && total.Elements(CacNs + "TaxSubtotal").Any())
            {
                Require(
                    Round2(vat) == Round2(Sum(total.Elements(CacNs + "TaxSubtotal").Select(s => Cbc(s, "TaxAmount")))),
                    "BR-CO-14",
                    Cbc(total, "TaxAmount"),
                    "Invoice total VAT amount (BT-110) = sum of VAT category tax amounts (BT-117).");
            }
        }

        if (taxInclusive is { } inclusive)
        {
            // Every VAT total stated in the document currency must give the total with VAT: two that differ cannot both.
            var vatTotals = _root.Elements(CacNs + "TaxTotal")
                .Select(t => Cbc(t, "TaxAmount"))
                .Where(a => a is not null && (Attr(a, "currencyID") is null || Attr(a, "currencyID") == _currency))
                .Select(a => Dec(a) ?? 0m)
                .DefaultIfEmpty(0m);
            Require(
                vatTotals.All(vat => Round2(inclusive) == Round2((taxExclusive ?? 0m) + vat)),
                "BR-CO-15",
                Cbc(monetary, "TaxInclusiveAmount"),
                "Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).");
        }

        if (payable is { } due)
        {
            Require(
                Round2(due) == Round2((taxInclusive ?? 0m) - (prepaid ?? 0m) + (rounding ?? 0m)),
                "BR-CO-16",
                Cbc(monetary, "PayableAmount"),
                "Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) - Paid amount (BT-113) + Rounding amount (BT-114).");
        }

        foreach (var subtotal in _subtotals)
        {
            var category = Cac(subtotal, "TaxCategory");
            if (Dec(Cbc(category, "Percent")) is { } rate && Dec(Cbc(subtotal, "TaxableAmount")) is { } taxable && Dec(Cbc(subtotal, "TaxAmount")) is { } tax)
            {
                var expected = Round2(taxable * rate / 100m);
                Require(Math.Abs(tax - expected) < 1m, "BR-CO-17", subtotal, "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category rate (BT-119) / 100), rounded to two decimals.");
            }
        }

        Require(_subtotals.Count > 0, "BR-CO-18", _root, "An Invoice shall at least have one VAT breakdown group (BG-23).");
        foreach (var subtotal in _subtotals)
        {
            Require(Has(subtotal, "TaxableAmount"), "BR-45", subtotal, "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).");
            Require(Has(subtotal, "TaxAmount"), "BR-46", subtotal, "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).");
            var category = Cac(subtotal, "TaxCategory");
            var code = VatCode(category);
            Require(code is not null, "BR-47", subtotal, "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).");
            Require(code == "O" || Has(category, "Percent"), "BR-48", subtotal, "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not subject to VAT.");
        }
    }
}
