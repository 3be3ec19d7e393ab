namespace Invoicing.Core.Validation;

/// <summary>EN 16931 BR-CO-* rules that can break in our model (the totals ones hold by construction: the calculator computes them).</summary>
internal static class CompositeRules
{
    public static void Check(Invoice invoice, InvoiceTotals? totals, IssueCollector issues)
    {
        if (invoice.VatPointDate is not null && invoice.VatDueDateType is not null)
        {
            issues.Error("BR-CO-03", "vatPointDate", "The value added tax point date (BT-7) and the value added tax point date code (BT-8) are mutually exclusive.");
        }

        CheckVatId(invoice.Seller?.VatId, "seller.vatId", "BT-31", issues);
        CheckVatId(invoice.Buyer?.VatId, "buyer.vatId", "BT-48", issues);
        CheckVatId(invoice.Payee?.VatId, "payee.vatId", "payee, no EN 16931 term", issues);
        CheckVatId(invoice.SellerTaxRepresentative?.VatId, "sellerTaxRepresentative.vatId", "BT-63", issues);

        if (totals is not null && totals.AmountDue > 0m && invoice.DueDate is null && Text.Blank(invoice.PaymentTerms))
        {
            issues.Error("BR-CO-25", "dueDate", "When the amount due for payment (BT-115) is positive, the payment due date (BT-9) or the payment terms (BT-20) shall be present.");
        }

        if (invoice.Seller is { } seller && seller.Identifiers.Count == 0 && seller.LegalId is null && Text.Blank(seller.VatId))
        {
            issues.Error("BR-CO-26", "seller.legalId", "The seller shall be identified by a seller identifier (BT-29), a legal registration identifier (BT-30) or a VAT identifier (BT-31).");
        }
    }

    private static void CheckVatId(string? vatId, string path, string term, IssueCollector issues)
    {
        if (vatId is null)
        {
            return;
        }

        var trimmed = vatId.Trim();
        if (trimmed.Length < 3 || !Text.IsCountryCode(trimmed[..2]))
        {
            issues.Error("BR-CO-09", path, $"The VAT identifier ({term}) shall have a prefix in accordance with ISO code ISO 3166-1 alpha-2 (Greece: EL); '{vatId}' has none.");
        }
    }
}
