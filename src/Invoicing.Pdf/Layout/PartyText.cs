using Invoicing.Core;

namespace Invoicing.Pdf.Layout;

/// <summary>The lines that describe a party: address, identifiers, contact.</summary>
internal static class PartyText
{
    public static List<string> AddressLines(PostalAddress? address)
    {
        var lines = new List<string>();
        if (address is null)
        {
            return lines;
        }

        Add(lines, address.Line1);
        Add(lines, address.Line2);
        Add(lines, address.Line3);
        var city = string.Join(' ', new[] { address.PostCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var country = address.CountryCode.Equals("FR", StringComparison.OrdinalIgnoreCase) ? null : address.CountryCode;
        Add(lines, string.Join(", ", new[] { city, address.Subdivision, country }.Where(p => !string.IsNullOrWhiteSpace(p))));
        return lines;
    }

    public static List<string> IdentityLines(Party party, Labels labels)
    {
        var lines = new List<string>();
        if (party.LegalId is { } legal)
        {
            lines.Add(legal.Scheme == Identifier.SirenScheme ? $"{labels.Siren} {legal.Value}" : $"{labels.LegalId} {legal.Value}");
        }

        if (!string.IsNullOrWhiteSpace(party.VatId))
        {
            lines.Add($"{labels.VatId} {party.VatId}");
        }

        return lines;
    }

    public static List<string> ContactLines(Contact? contact)
    {
        var lines = new List<string>();
        if (contact is null)
        {
            return lines;
        }

        Add(lines, string.Join(" · ", new[] { contact.Name, contact.Phone, contact.Email }.Where(p => !string.IsNullOrWhiteSpace(p))));
        return lines;
    }

    /// <summary>The legal identity line of the seller, printed in every page footer: name, form, capital, register, SIREN, VAT.</summary>
    public static string LegalFooter(Party seller, Labels labels)
    {
        var parts = new List<string>();
        var name = seller.Name;
        if (!string.IsNullOrWhiteSpace(seller.LegalForm) && !name.Contains(seller.LegalForm, StringComparison.Ordinal))
        {
            name += " " + seller.LegalForm;
        }

        if (!string.IsNullOrWhiteSpace(seller.ShareCapital))
        {
            var form = string.IsNullOrWhiteSpace(seller.LegalForm) ? string.Empty : seller.LegalForm + " ";
            parts.Add($"{seller.Name} – {form}{labels.CapitalOf} {seller.ShareCapital}");
        }
        else
        {
            parts.Add(name);
        }

        if (!string.IsNullOrWhiteSpace(seller.TradeRegister))
        {
            parts.Add(seller.TradeRegister);
        }

        parts.AddRange(IdentityLines(seller, labels));
        if (!string.IsNullOrWhiteSpace(seller.AdditionalLegalInfo))
        {
            parts.Add(seller.AdditionalLegalInfo);
        }

        return string.Join(" – ", parts);
    }

    private static void Add(List<string> lines, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(value.Trim());
        }
    }
}
