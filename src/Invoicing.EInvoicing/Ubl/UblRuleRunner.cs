using System.Globalization;
using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>Runs the UBL rule families over one document tree and collects the issues.</summary>
internal sealed partial class UblRuleRunner
{
    private static readonly XNamespace CacNs = UblNames.Cac;
    private static readonly XNamespace CbcNs = UblNames.Cbc;
    private readonly XElement _root;
    private readonly bool _creditNote;
    private readonly List<ValidationIssue> _issues = [];
    private readonly List<XElement> _lines;
    private readonly List<XElement> _documentAllowanceCharges;
    private readonly List<XElement> _subtotals;
    private readonly string? _currency;

    public UblRuleRunner(XElement root, bool creditNote)
    {
        _root = root;
        _creditNote = creditNote;
        _lines = root.Elements(CacNs + (creditNote ? "CreditNoteLine" : "InvoiceLine")).ToList();
        _documentAllowanceCharges = root.Elements(CacNs + "AllowanceCharge").ToList();
        _currency = Val(Cbc(root, "DocumentCurrencyCode"));
        _subtotals = MainTaxTotals().SelectMany(t => t.Elements(CacNs + "TaxSubtotal")).ToList();
    }

    public IReadOnlyList<ValidationIssue> Run()
    {
        DocumentRules();
        LineRules();
        AllowanceChargeRules();
        PaymentRules();
        TotalsRules();
        VatCategoryRules();
        CodeListRules();
        SyntaxRules();
        return _issues;
    }

    private string QuantityName => _creditNote ? "CreditedQuantity" : "InvoicedQuantity";

    private XElement? SellerParty => Cac(Cac(_root, "AccountingSupplierParty"), "Party");

    private XElement? BuyerParty => Cac(Cac(_root, "AccountingCustomerParty"), "Party");

    private XElement? TaxRepresentative => Cac(_root, "TaxRepresentativeParty");

    /// <summary>The TaxTotal elements in the document currency (those without a TaxCurrencyCode amount).</summary>
    private IEnumerable<XElement> MainTaxTotals()
    {
        var taxCurrency = Val(Cbc(_root, "TaxCurrencyCode"));
        foreach (var total in _root.Elements(CacNs + "TaxTotal"))
        {
            var currency = Cbc(total, "TaxAmount")?.Attribute("currencyID")?.Value.Trim();
            if (taxCurrency is null || taxCurrency == _currency || currency != taxCurrency || total.Elements(CacNs + "TaxSubtotal").Any())
            {
                yield return total;
            }
        }
    }

    private void Error(string rule, XElement? where, string message) =>
        _issues.Add(ValidationIssue.Error(rule, where is null ? "/" + _root.Name.LocalName : XmlPath.Of(where), message));

    private void Warning(string rule, XElement? where, string message) =>
        _issues.Add(ValidationIssue.Warning(rule, where is null ? "/" + _root.Name.LocalName : XmlPath.Of(where), message));

    private void Require(bool condition, string rule, XElement? where, string message)
    {
        if (!condition)
        {
            Error(rule, where, message);
        }
    }

    private static XElement? Cac(XElement? parent, string name) => parent?.Element(CacNs + name);

    private static XElement? Cbc(XElement? parent, string name) => parent?.Element(CbcNs + name);

    private static IEnumerable<XElement> Cacs(XElement? parent, string name) => parent?.Elements(CacNs + name) ?? [];

    private static IEnumerable<XElement> Cbcs(XElement? parent, string name) => parent?.Elements(CbcNs + name) ?? [];

    private static string? Val(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? Attr(XElement? element, string name)
    {
        var value = element?.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool Has(XElement? parent, string cbc) => Val(Cbc(parent, cbc)) is not null;

    private static decimal? Dec(XElement? element) =>
        Val(element) is { } text && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static decimal Sum(IEnumerable<XElement?> elements) => elements.Sum(e => Dec(e) ?? 0m);

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static bool IsCharge(XElement allowanceCharge) => Val(Cbc(allowanceCharge, "ChargeIndicator")) is "true" or "1";

    private static bool IsAllowance(XElement allowanceCharge) => Val(Cbc(allowanceCharge, "ChargeIndicator")) is "false" or "0";

    /// <summary>The VAT category code of a TaxCategory or ClassifiedTaxCategory whose scheme is VAT.</summary>
    private static string? VatCode(XElement? category) => category is null ? null : Val(Cbc(category, "ID"));

    private static XElement? LineCategory(XElement line) => Cac(Cac(line, "Item"), "ClassifiedTaxCategory");

    private static bool HasTaxSchemeId(XElement partyTaxScheme, bool vat)
    {
        var id = Val(Cbc(Cac(partyTaxScheme, "TaxScheme"), "ID"));
        return vat ? string.Equals(id, "VAT", StringComparison.OrdinalIgnoreCase) : !string.Equals(id, "VAT", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasVatId(XElement? party) => Cacs(party, "PartyTaxScheme").Any(p => HasTaxSchemeId(p, vat: true) && Has(p, "CompanyID"));

    private static bool HasTaxRegistrationId(XElement? party) => Cacs(party, "PartyTaxScheme").Any(p => HasTaxSchemeId(p, vat: false) && Has(p, "CompanyID"));
}
