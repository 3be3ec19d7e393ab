using Invoicing.Core;

namespace Invoicing.Pdf.Documents;

/// <summary>
/// What rendering needs beyond what the calculator checks: the parties and texts it prints are present.
/// Violations come back together, each naming the field and the rule.
/// </summary>
internal static class PdfInputRules
{
    /// <exception cref="InvoiceValidationException">
    /// A party, a name (the tax representative's too), the tax representative's country or a line is missing (rule PDF-REQUIRED).
    /// </exception>
    public static void Check(Invoice invoice)
    {
        List<ValidationIssue>? issues = null;
        CheckParty(invoice.Seller, "Seller", ref issues);
        CheckParty(invoice.Buyer, "Buyer", ref issues);
        if (invoice.SellerTaxRepresentative is { } representative)
        {
            if (string.IsNullOrWhiteSpace(representative.Name))
            {
                Add(ref issues, "SellerTaxRepresentative.Name", "The seller tax representative's name (BT-62) is missing (BR-18).");
            }

            if (representative.Address is { } address && string.IsNullOrWhiteSpace(address.CountryCode))
            {
                Add(ref issues, "SellerTaxRepresentative.Address.CountryCode", "The seller tax representative's country code (BT-69) is missing (BR-20).");
            }
        }
        if (invoice.Lines is null)
        {
            Add(ref issues, "Lines", "The invoice has no line list.");
        }
        else
        {
            for (var i = 0; i < invoice.Lines.Count; i++)
            {
                var line = invoice.Lines[i];
                if (line is null)
                {
                    Add(ref issues, $"Lines[{i}]", "The line is missing.");
                }
                else if (line.ItemName is null)
                {
                    Add(ref issues, $"Lines[{i}].ItemName", "The item name (BT-153) is missing.");
                }
            }
        }

        if (issues is not null)
        {
            throw new InvoiceValidationException(issues);
        }
    }

    private static void CheckParty(Party? party, string path, ref List<ValidationIssue>? issues)
    {
        if (party is null)
        {
            Add(ref issues, path, $"The {path.ToLowerInvariant()} is missing.");
        }
        else if (string.IsNullOrWhiteSpace(party.Name))
        {
            Add(ref issues, path + ".Name", $"The {path.ToLowerInvariant()}'s name is missing.");
        }
    }

    private static void Add(ref List<ValidationIssue>? issues, string path, string message) =>
        (issues ??= []).Add(ValidationIssue.Error("PDF-REQUIRED", path, message));
}
