using Invoicing.Core;

namespace Invoicing.France;

/// <summary>The SIREN a lifecycle status names a party by: its legal id (BT-30/BT-47) as SIREN, or from a SIRET, or an identifier in the SIREN scheme.</summary>
internal static class PartySiren
{
    /// <exception cref="InvoiceValidationException">FR-STATUS-SELLER-ID: the party has no SIREN.</exception>
    public static string Of(Party party, string path)
    {
        var siren = party.LegalId is { Scheme: Identifier.SirenScheme } legal ? legal.Value
            : party.LegalId is { Scheme: Identifier.SiretScheme, Value.Length: 14 } siret ? siret.Value[..9]
            : party.Identifiers.FirstOrDefault(i => i.Scheme == Identifier.SirenScheme).Value;
        return siren ?? throw new InvoiceValidationException(ValidationIssue.Error("FR-STATUS-SELLER-ID", path + ".legalId", $"The {path} has no SIREN (scheme 0002), which a lifecycle status names it by."));
    }
}
