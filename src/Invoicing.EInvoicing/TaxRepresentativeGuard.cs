using Invoicing.Core;

namespace Invoicing.EInvoicing;

/// <summary>
/// What the writers need of a seller tax representative (BG-11) to write it so that it reads back: a name (BT-62,
/// BR-18) and, when an address is given, its country (BT-69, BR-20). A representative without an address or a VAT
/// identifier is written as it is; the validator reports BR-19 and BR-56.
/// </summary>
internal static class TaxRepresentativeGuard
{
    /// <exception cref="InvoiceValidationException">The representative has no name, or an address without a country.</exception>
    public static void EnsureWritable(Invoice invoice)
    {
        if (invoice.SellerTaxRepresentative is not { } representative)
        {
            return;
        }

        List<ValidationIssue>? issues = null;
        if (string.IsNullOrWhiteSpace(representative.Name))
        {
            (issues ??= []).Add(ValidationIssue.Error("BR-18", "sellerTaxRepresentative.name", "The seller tax representative name (BT-62) shall be provided when the seller has a tax representative (BG-11)."));
        }

        if (representative.Address is { } address && string.IsNullOrWhiteSpace(address.CountryCode))
        {
            (issues ??= []).Add(ValidationIssue.Error("BR-20", "sellerTaxRepresentative.address.countryCode", "The seller tax representative postal address (BG-12) shall contain a country code (BT-69)."));
        }

        if (issues is not null)
        {
            throw new InvoiceValidationException(issues);
        }
    }
}
