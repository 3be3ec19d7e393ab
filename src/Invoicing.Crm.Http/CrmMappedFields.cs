namespace Invoicing.Crm.Http;

/// <summary>
/// The custom property names a connector reads, each the host's <see cref="CrmFieldMapping"/> choice or else the
/// connector's default, resolved once.
/// </summary>
internal sealed record CrmMappedFields(string Siren, string Siret, string VatId, string Language, string VatCategory, string VatRate, string PaymentDays)
{
    /// <summary>The host's names where set, else <paramref name="defaults"/>.</summary>
    public static CrmMappedFields Resolve(CrmFieldMapping mapping, CrmMappedFields defaults) => new(
        CrmFieldMapping.Resolve(mapping.Siren, defaults.Siren),
        CrmFieldMapping.Resolve(mapping.Siret, defaults.Siret),
        CrmFieldMapping.Resolve(mapping.VatId, defaults.VatId),
        CrmFieldMapping.Resolve(mapping.Language, defaults.Language),
        CrmFieldMapping.Resolve(mapping.VatCategory, defaults.VatCategory),
        CrmFieldMapping.Resolve(mapping.VatRate, defaults.VatRate),
        CrmFieldMapping.Resolve(mapping.PaymentDays, defaults.PaymentDays));
}
