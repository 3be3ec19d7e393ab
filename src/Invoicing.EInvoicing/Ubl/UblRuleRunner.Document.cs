using System.Xml.Linq;

namespace Invoicing.EInvoicing.Ubl;

/// <content>The EN 16931 core rules on the document, its parties and its lines (BR-01 to BR-65).</content>
internal sealed partial class UblRuleRunner
{
    private void DocumentRules()
    {
        Require(Has(_root, "CustomizationID"), "BR-01", _root, "An Invoice shall have a Specification identifier (BT-24).");
        Require(Has(_root, "ID"), "BR-02", _root, "An Invoice shall have an Invoice number (BT-1).");
        Require(Has(_root, "IssueDate"), "BR-03", _root, "An Invoice shall have an Invoice issue date (BT-2).");
        Require(Has(_root, _creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"), "BR-04", _root, "An Invoice shall have an Invoice type code (BT-3).");
        Require(Has(_root, "DocumentCurrencyCode"), "BR-05", _root, "An Invoice shall have an Invoice currency code (BT-5).");
        Require(Has(Cac(SellerParty, "PartyLegalEntity"), "RegistrationName"), "BR-06", _root, "An Invoice shall contain the Seller name (BT-27).");
        Require(Has(Cac(BuyerParty, "PartyLegalEntity"), "RegistrationName"), "BR-07", _root, "An Invoice shall contain the Buyer name (BT-44).");
        var sellerAddress = Cac(SellerParty, "PostalAddress");
        Require(sellerAddress is not null, "BR-08", _root, "An Invoice shall contain the Seller postal address (BG-5).");
        if (sellerAddress is not null)
        {
            Require(Has(Cac(sellerAddress, "Country"), "IdentificationCode"), "BR-09", sellerAddress, "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).");
        }

        var buyerAddress = Cac(BuyerParty, "PostalAddress");
        Require(buyerAddress is not null, "BR-10", _root, "An Invoice shall contain the Buyer postal address (BG-8).");
        if (buyerAddress is not null)
        {
            Require(Has(Cac(buyerAddress, "Country"), "IdentificationCode"), "BR-11", buyerAddress, "The Buyer postal address shall contain a Buyer country code (BT-55).");
        }

        var monetary = Cac(_root, "LegalMonetaryTotal");
        Require(Has(monetary, "LineExtensionAmount"), "BR-12", _root, "An Invoice shall have the Sum of Invoice line net amount (BT-106).");
        Require(Has(monetary, "TaxExclusiveAmount"), "BR-13", _root, "An Invoice shall have the Invoice total amount without VAT (BT-109).");
        Require(Has(monetary, "TaxInclusiveAmount"), "BR-14", _root, "An Invoice shall have the Invoice total amount with VAT (BT-112).");
        Require(Has(monetary, "PayableAmount"), "BR-15", _root, "An Invoice shall have the Amount due for payment (BT-115).");
        Require(_lines.Count > 0, "BR-16", _root, "An Invoice shall have at least one Invoice line (BG-25).");
        if (Cac(_root, "PayeeParty") is { } payee)
        {
            Require(Has(Cac(payee, "PartyName"), "Name"), "BR-17", payee, "The Payee name (BT-59) shall be provided if the Payee (BG-10) is different from the Seller.");
        }

        if (TaxRepresentative is { } representative)
        {
            Require(Has(Cac(representative, "PartyName"), "Name"), "BR-18", representative, "The Seller tax representative name (BT-62) shall be provided.");
            var address = Cac(representative, "PostalAddress");
            Require(address is not null, "BR-19", representative, "The Seller tax representative postal address (BG-12) shall be provided.");
            if (address is not null)
            {
                Require(Has(Cac(address, "Country"), "IdentificationCode"), "BR-20", address, "The Seller tax representative postal address shall contain a country code (BT-69).");
            }

            Require(HasVatId(representative), "BR-56", representative, "Each Seller tax representative party (BG-11) shall have a Seller tax representative VAT identifier (BT-63).");
        }

        if (Cac(_root, "InvoicePeriod") is { } period)
        {
            PeriodOrder(period, "BR-29", "BR-CO-19");
        }

        foreach (var reference in Cacs(_root, "AdditionalDocumentReference"))
        {
            Require(Has(reference, "ID"), "BR-52", reference, "Each Additional supporting document (BG-24) shall contain a Supporting document reference (BT-122).");
        }

        foreach (var billing in Cacs(_root, "BillingReference"))
        {
            Require(Has(Cac(billing, "InvoiceDocumentReference"), "ID"), "BR-55", billing, "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).");
        }

        if (Val(Cbc(_root, "TaxCurrencyCode")) is { } taxCurrency)
        {
            var stated = _root.Elements(CacNs + "TaxTotal").Any(t => Attr(Cbc(t, "TaxAmount"), "currencyID") == taxCurrency && Has(t, "TaxAmount"));
            Require(stated, "BR-53", _root, "If the VAT accounting currency code (BT-6) is present, the Invoice total VAT amount in accounting currency (BT-111) shall be provided.");
        }

        foreach (var location in Cacs(_root, "Delivery").Select(d => Cac(d, "DeliveryLocation")).Where(l => l is not null))
        {
            if (Cac(location, "Address") is { } address)
            {
                Require(Has(Cac(address, "Country"), "IdentificationCode"), "BR-57", address, "Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80).");
            }
        }

        if (Cbc(SellerParty, "EndpointID") is { } sellerEndpoint)
        {
            Require(Attr(sellerEndpoint, "schemeID") is not null, "BR-62", sellerEndpoint, "The Seller electronic address (BT-34) shall have a Scheme identifier.");
        }

        if (Cbc(BuyerParty, "EndpointID") is { } buyerEndpoint)
        {
            Require(Attr(buyerEndpoint, "schemeID") is not null, "BR-63", buyerEndpoint, "The Buyer electronic address (BT-49) shall have a Scheme identifier.");
        }

        Require(
            Cbc(_root, "TaxPointDate") is null || Cbc(Cac(_root, "InvoicePeriod"), "DescriptionCode") is null,
            "BR-CO-03",
            _root,
            "Value added tax point date (BT-7) and Value added tax point date code (BT-8) are mutually exclusive.");
        var sellerIdentified = Cacs(SellerParty, "PartyIdentification").Any(p => Has(p, "ID"))
            || Has(Cac(SellerParty, "PartyLegalEntity"), "CompanyID")
            || HasVatId(SellerParty);
        Require(sellerIdentified, "BR-CO-26", _root, "The Seller identifier (BT-29), the Seller legal registration identifier (BT-30) or the Seller VAT identifier (BT-31) shall be present.");
        foreach (var vatId in new[] { SellerParty, BuyerParty, TaxRepresentative }
                     .SelectMany(p => Cacs(p, "PartyTaxScheme"))
                     .Where(p => HasTaxSchemeId(p, vat: true))
                     .Select(p => Cbc(p, "CompanyID"))
                     .Where(c => c is not null))
        {
            var value = Val(vatId) ?? string.Empty;
            Require(value.Length >= 2 && CodeLists.IsVatPrefix(value[..2]), "BR-CO-09", vatId, "The VAT identifier shall have a prefix in accordance with ISO code ISO 3166-1 alpha-2 (EL for Greece, XI for Northern Ireland).");
        }
    }

    private void PeriodOrder(XElement period, string orderRule, string presenceRule)
    {
        var start = Val(Cbc(period, "StartDate"));
        var end = Val(Cbc(period, "EndDate"));
        if (start is not null && end is not null)
        {
            Require(string.CompareOrdinal(end, start) >= 0, orderRule, period, "The period end date shall be later or equal to the period start date.");
        }

        Require(start is not null || end is not null || (presenceRule == "BR-CO-19" && Has(period, "DescriptionCode")), presenceRule, period, "If a period is used, its start date or its end date shall be filled, or both.");
    }

    private void LineRules()
    {
        foreach (var line in _lines)
        {
            Require(Has(line, "ID"), "BR-21", line, "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).");
            var quantity = Cbc(line, QuantityName);
            Require(Val(quantity) is not null, "BR-22", line, "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).");
            Require(quantity is null || Attr(quantity, "unitCode") is not null, "BR-23", line, "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).");
            Require(Has(line, "LineExtensionAmount"), "BR-24", line, "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).");
            var item = Cac(line, "Item");
            Require(Has(item, "Name"), "BR-25", line, "Each Invoice line (BG-25) shall contain the Item name (BT-153).");
            var price = Cac(line, "Price");
            var priceAmount = Cbc(price, "PriceAmount");
            Require(Val(priceAmount) is not null, "BR-26", line, "Each Invoice line (BG-25) shall contain the Item net price (BT-146).");
            if (Dec(priceAmount) is { } net)
            {
                Require(net >= 0m, "BR-27", priceAmount, "The Item net price (BT-146) shall NOT be negative.");
            }

            foreach (var priceAllowance in Cacs(price, "AllowanceCharge"))
            {
                if (Dec(Cbc(priceAllowance, "BaseAmount")) is { } gross)
                {
                    Require(gross >= 0m, "BR-28", priceAllowance, "The Item gross price (BT-148) shall NOT be negative.");
                }
            }

            if (Cac(line, "InvoicePeriod") is { } period)
            {
                PeriodOrder(period, "BR-30", "BR-CO-20");
            }

            Require(VatCode(LineCategory(line)) is not null, "BR-CO-04", line, "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).");
            foreach (var property in Cacs(item, "AdditionalItemProperty"))
            {
                Require(Has(property, "Name") && Has(property, "Value"), "BR-54", property, "Each Item attribute (BG-32) shall contain an Item attribute name (BT-160) and an Item attribute value (BT-161).");
            }

            if (Cbc(Cac(item, "StandardItemIdentification"), "ID") is { } standard)
            {
                Require(Attr(standard, "schemeID") is not null, "BR-64", standard, "The Item standard identifier (BT-157) shall have a Scheme identifier.");
            }

            foreach (var classification in Cacs(item, "CommodityClassification").Select(c => Cbc(c, "ItemClassificationCode")).Where(c => c is not null))
            {
                Require(Attr(classification, "listID") is not null, "BR-65", classification, "The Item classification identifier (BT-158) shall have a Scheme identifier.");
            }

            foreach (var allowanceCharge in Cacs(line, "AllowanceCharge"))
            {
                var charge = IsCharge(allowanceCharge);
                Require(Has(allowanceCharge, "Amount"), charge ? "BR-43" : "BR-41", allowanceCharge, charge
                    ? "Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141)."
                    : "Each Invoice line allowance (BG-27) shall have an Invoice line allowance amount (BT-136).");
                var reasoned = Has(allowanceCharge, "AllowanceChargeReason") || Has(allowanceCharge, "AllowanceChargeReasonCode");
                Require(reasoned, charge ? "BR-44" : "BR-42", allowanceCharge, charge
                    ? "Each Invoice line charge shall have an Invoice line charge reason (BT-144) or reason code (BT-145)."
                    : "Each Invoice line allowance shall have an Invoice line allowance reason (BT-139) or reason code (BT-140).");
                Require(reasoned, charge ? "BR-CO-24" : "BR-CO-23", allowanceCharge, charge
                    ? "Each Invoice line charge (BG-28) shall contain a reason (BT-144) or a reason code (BT-145), or both."
                    : "Each Invoice line allowance (BG-27) shall contain a reason (BT-139) or a reason code (BT-140), or both.");
            }
        }
    }

    private void AllowanceChargeRules()
    {
        foreach (var allowanceCharge in _documentAllowanceCharges)
        {
            var charge = IsCharge(allowanceCharge);
            Require(Has(allowanceCharge, "Amount"), charge ? "BR-36" : "BR-31", allowanceCharge, charge
                ? "Each Document level charge (BG-21) shall have a Document level charge amount (BT-99)."
                : "Each Document level allowance (BG-20) shall have a Document level allowance amount (BT-92).");
            var category = Cacs(allowanceCharge, "TaxCategory").FirstOrDefault(c => HasTaxSchemeId(c, vat: true)) ?? Cac(allowanceCharge, "TaxCategory");
            Require(VatCode(category) is not null, charge ? "BR-37" : "BR-32", allowanceCharge, charge
                ? "Each Document level charge (BG-21) shall have a Document level charge VAT category code (BT-102)."
                : "Each Document level allowance (BG-20) shall have a Document level allowance VAT category code (BT-95).");
            var reasoned = Has(allowanceCharge, "AllowanceChargeReason") || Has(allowanceCharge, "AllowanceChargeReasonCode");
            Require(reasoned, charge ? "BR-38" : "BR-33", allowanceCharge, charge
                ? "Each Document level charge (BG-21) shall have a Document level charge reason (BT-104) or a reason code (BT-105)."
                : "Each Document level allowance (BG-20) shall have a Document level allowance reason (BT-97) or a reason code (BT-98).");
            Require(reasoned, charge ? "BR-CO-22" : "BR-CO-21", allowanceCharge, charge
                ? "Each Document level charge (BG-21) shall contain a reason (BT-104) or a reason code (BT-105), or both."
                : "Each Document level allowance (BG-20) shall contain a reason (BT-97) or a reason code (BT-98), or both.");
        }
    }

    private void PaymentRules()
    {
        foreach (var means in Cacs(_root, "PaymentMeans"))
        {
            var code = Val(Cbc(means, "PaymentMeansCode"));
            Require(code is not null, "BR-49", means, "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).");
            foreach (var account in Cacs(means, "PayeeFinancialAccount"))
            {
                Require(Has(account, "ID"), "BR-50", account, "A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) information is provided in the Invoice.");
            }

            if (code is "30" or "58")
            {
                Require(Cacs(means, "PayeeFinancialAccount").Any(a => Has(a, "ID")), "BR-61", means, "If the Payment means type code (BT-81) means SEPA credit transfer, Local credit transfer or Non-SEPA international credit transfer, the Payment account identifier (BT-84) shall be present.");
            }

            if (Cbc(Cac(means, "CardAccount"), "PrimaryAccountNumberID") is { } pan)
            {
                var length = (Val(pan) ?? string.Empty).Length;
                if (length > 10)
                {
                    Warning("BR-51", pan, "In accordance with card payments security standards an invoice should never include a full card primary account number (BT-87): at most the last 4 to 6 digits.");
                }
            }
        }

        if (!_creditNote)
        {
            var payable = Dec(Cbc(Cac(_root, "LegalMonetaryTotal"), "PayableAmount"));
            if (payable is > 0m)
            {
                var termsOrDate = Has(_root, "DueDate") || Cacs(_root, "PaymentTerms").Any(t => Has(t, "Note"));
                Require(termsOrDate, "BR-CO-25", _root, "In case the Amount due for payment (BT-115) is positive, either the Payment due date (BT-9) or the Payment terms (BT-20) shall be present.");
            }
        }
    }
}
