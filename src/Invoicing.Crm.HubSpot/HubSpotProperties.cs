using Invoicing.Crm.Http;

namespace Invoicing.Crm.HubSpot;

/// <summary>The HubSpot properties read, standard ones and the mapped custom ones, resolved once from the options.</summary>
internal sealed class HubSpotProperties
{
    public const string Modified = "hs_lastmodifieddate";

    /// <summary>The connector's default names of the mapped fields.</summary>
    public static readonly CrmMappedFields Defaults = new("siren", "siret", "vat_number", "hs_language", "vat_category", "hs_tax_rate", "payment_days");

    public HubSpotProperties(HubSpotCrmOptions options)
    {
        Mapped = CrmMappedFields.Resolve(options.Fields, Defaults);
        Company = ["name", "address", "address2", "city", "zip", "state", "country", "phone", Modified, Mapped.Siren, Mapped.Siret, Mapped.VatId];
        Contact = ["email", "firstname", "lastname", "phone", Mapped.Language];
        Deal = ["dealname", "dealstage", "closedate", "deal_currency_code", Modified, Mapped.PaymentDays];
        LineItem = ["name", "description", "hs_sku", "quantity", "price", "discount", "hs_discount_percentage", Modified, Mapped.VatCategory, Mapped.VatRate];
    }

    public CrmMappedFields Mapped { get; }

    public IReadOnlyList<string> Company { get; }

    public IReadOnlyList<string> Contact { get; }

    public IReadOnlyList<string> Deal { get; }

    public IReadOnlyList<string> LineItem { get; }
}
