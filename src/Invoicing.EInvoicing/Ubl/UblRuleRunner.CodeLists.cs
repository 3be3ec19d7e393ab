using System.Xml.Linq;

namespace Invoicing.EInvoicing.Ubl;

/// <content>Code list rules (BR-CL-*) and the UBL syntax rules (UBL-SR-*, UBL-DT-*).</content>
internal sealed partial class UblRuleRunner
{
    private void CodeListRules()
    {
        var typeCode = Cbc(_root, _creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode");
        if (Val(typeCode) is { } type)
        {
            Require(CodeLists.IsDocumentType(type), "BR-CL-01", typeCode, $"'{type}' is not an invoice or credit note type of UNTDID 1001 (BT-3).");
        }

        foreach (var amount in _root.Descendants().Where(e => e.Attribute("currencyID") is not null))
        {
            var currency = Attr(amount, "currencyID");
            Require(CodeLists.IsCurrency(currency), "BR-CL-03", amount, $"currencyID '{currency}' is not an ISO 4217 alpha-3 currency code.");
        }

        CodeOf(Cbc(_root, "DocumentCurrencyCode"), CodeLists.IsCurrency, "BR-CL-04", "an ISO 4217 alpha-3 currency code (BT-5)");
        CodeOf(Cbc(_root, "TaxCurrencyCode"), CodeLists.IsCurrency, "BR-CL-05", "an ISO 4217 alpha-3 currency code (BT-6)");
        foreach (var period in Cacs(_root, "InvoicePeriod"))
        {
            CodeOf(Cbc(period, "DescriptionCode"), c => c is "3" or "35" or "432", "BR-CL-06", "a UNTDID 2005 VAT date code 3, 35 or 432 (BT-8)");
        }

        foreach (var party in _root.Descendants(CacNs + "PartyIdentification"))
        {
            if (Cbc(party, "ID") is { } id && Attr(id, "schemeID") is { } scheme)
            {
                Require(CodeLists.IsIcd(scheme) || scheme == "SEPA", "BR-CL-10", id, $"schemeID '{scheme}' is not an ISO 6523 ICD (nor SEPA).");
            }
        }

        foreach (var legal in _root.Descendants(CacNs + "PartyLegalEntity"))
        {
            if (Cbc(legal, "CompanyID") is { } id && Attr(id, "schemeID") is { } scheme)
            {
                Require(CodeLists.IsIcd(scheme), "BR-CL-11", id, $"schemeID '{scheme}' is not an ISO 6523 ICD.");
            }
        }

        foreach (var country in _root.Descendants(CacNs + "Country").Select(c => Cbc(c, "IdentificationCode")).Where(c => c is not null))
        {
            CodeOf(country, CodeLists.IsCountry, "BR-CL-14", "an ISO 3166-1 alpha-2 country code");
        }

        foreach (var origin in _root.Descendants(CacNs + "OriginCountry").Select(c => Cbc(c, "IdentificationCode")).Where(c => c is not null))
        {
            CodeOf(origin, CodeLists.IsCountry, "BR-CL-15", "an ISO 3166-1 alpha-2 country code (BT-159)");
        }

        foreach (var means in Cacs(_root, "PaymentMeans"))
        {
            CodeOf(Cbc(means, "PaymentMeansCode"), CodeLists.IsPaymentMeans, "BR-CL-16", "a UNTDID 4461 payment means code (BT-81)");
        }

        foreach (var subtotal in _subtotals)
        {
            CodeOf(Cbc(Cac(subtotal, "TaxCategory"), "ID"), CodeLists.IsVatCategory, "BR-CL-17", "a UNTDID 5305 VAT category code EN 16931 allows (BT-118)");
            CodeOf(Cbc(Cac(subtotal, "TaxCategory"), "TaxExemptionReasonCode"), CodeLists.IsVatex, "BR-CL-22", "a VATEX exemption reason code (BT-121)");
        }

        foreach (var category in _root.Descendants(CacNs + "ClassifiedTaxCategory").Concat(_root.Descendants(CacNs + "AllowanceCharge").Elements(CacNs + "TaxCategory")))
        {
            CodeOf(Cbc(category, "ID"), CodeLists.IsVatCategory, "BR-CL-18", "a UNTDID 5305 VAT category code EN 16931 allows");
        }

        foreach (var allowanceCharge in _root.Descendants(CacNs + "AllowanceCharge"))
        {
            var reason = Cbc(allowanceCharge, "AllowanceChargeReasonCode");
            if (IsCharge(allowanceCharge))
            {
                CodeOf(reason, CodeLists.IsChargeReason, "BR-CL-20", "a UNTDID 7161 charge reason code");
            }
            else if (IsAllowance(allowanceCharge))
            {
                CodeOf(reason, CodeLists.IsAllowanceReason, "BR-CL-19", "a UNTDID 5189 allowance reason code");
            }
        }

        foreach (var standard in _root.Descendants(CacNs + "StandardItemIdentification").Select(s => Cbc(s, "ID")).Where(s => s is not null))
        {
            if (Attr(standard, "schemeID") is { } scheme)
            {
                Require(CodeLists.IsIcd(scheme), "BR-CL-21", standard, $"schemeID '{scheme}' is not an ISO 6523 ICD.");
            }
        }

        foreach (var binary in _root.Descendants(CbcNs + "EmbeddedDocumentBinaryObject"))
        {
            if (Attr(binary, "mimeCode") is { } mime)
            {
                Require(CodeLists.IsMimeCode(mime), "BR-CL-24", binary, $"mimeCode '{mime}' is not an allowed MIME code (BT-125).");
            }
        }

        foreach (var endpoint in _root.Descendants(CbcNs + "EndpointID"))
        {
            if (Attr(endpoint, "schemeID") is { } scheme)
            {
                Require(CodeLists.IsElectronicAddressScheme(scheme), "BR-CL-25", endpoint, $"schemeID '{scheme}' is not an electronic address scheme (EAS).");
            }
        }

        foreach (var location in _root.Descendants(CacNs + "DeliveryLocation").Select(l => Cbc(l, "ID")).Where(l => l is not null))
        {
            if (Attr(location, "schemeID") is { } scheme)
            {
                Require(CodeLists.IsIcd(scheme), "BR-CL-26", location, $"schemeID '{scheme}' is not an ISO 6523 ICD.");
            }
        }
    }

    private void CodeOf(XElement? element, Func<string, bool> isValid, string rule, string what)
    {
        if (Val(element) is { } code)
        {
            Require(isValid(code), rule, element, $"'{code}' is not {what}.");
        }
    }

    private void SyntaxRules()
    {
        static int VatIds(XElement? party) => Cacs(party, "PartyTaxScheme").Count(p => HasTaxSchemeId(p, vat: true) && Cbc(p, "CompanyID") is not null);

        Require(VatIds(SellerParty) <= 1, "UBL-SR-12", _root, "Seller VAT identifier (BT-31) shall occur maximum once.");
        Require(VatIds(BuyerParty) <= 1, "UBL-SR-18", _root, "Buyer VAT identifier (BT-48) shall occur maximum once.");
        Require(Cacs(SellerParty, "PartyTaxScheme").Count() <= 2, "UBL-SR-42", _root, "Party tax scheme shall occur maximum twice in the accounting supplier party.");
        Require(Cacs(_root, "AdditionalDocumentReference").Count(r => Val(Cbc(r, "DocumentTypeCode")) == "50") <= 1, "UBL-SR-43", _root, "Project reference (BT-11) shall occur maximum once.");
        Require(Cacs(_root, "PaymentMeans").Select(m => Val(Cbc(m, "PaymentID"))).Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() <= 1, "UBL-SR-44", _root, "Remittance information (BT-83) shall occur maximum once.");
        Require(Cacs(_root, "PaymentMeans").Select(m => Val(Cbc(m, "PaymentMeansCode"))).Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() <= 1, "UBL-SR-47", _root, "When there are more than one payment means code, they shall be equal.");
        foreach (var amount in _root.Descendants().Where(e => e.Name.Namespace == CbcNs && e.Name.LocalName.EndsWith("Amount", StringComparison.Ordinal)))
        {
            if (amount.Name.LocalName == "PriceAmount" || amount.Parent?.Parent?.Name == CacNs + "Price")
            {
                continue;
            }

            var text = Val(amount) ?? string.Empty;
            var point = text.IndexOf('.', StringComparison.Ordinal);
            Require(point < 0 || text.Length - point - 1 <= 2, "UBL-DT-01", amount, "Amounts shall be decimal up to two fraction digits.");
        }

        foreach (var binary in _root.Descendants(CbcNs + "EmbeddedDocumentBinaryObject"))
        {
            Require(Attr(binary, "mimeCode") is not null, "UBL-DT-06", binary, "Binary object elements shall contain the mime code attribute.");
            Require(Attr(binary, "filename") is not null, "UBL-DT-07", binary, "Binary object elements shall contain the file name attribute.");
        }
    }
}
