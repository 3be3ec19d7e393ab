namespace Invoicing.Crm.HubSpot;

/// <summary>The HubSpot properties read, standard ones and the mapped custom ones, resolved once from the options.</summary>
internal sealed class HubSpotProperties
{
    public const string Modified = "hs_lastmodifieddate";

    public HubSpotProperties(HubSpotCrmOptions options)
    {
        var fields = options.Fields;
        Siren = CrmFieldMapping.Resolve(fields.Siren, "siren");
        Siret = CrmFieldMapping.Resolve(fields.Siret, "siret");
        VatId = CrmFieldMapping.Resolve(fields.VatId, "vat_number");
        Language = CrmFieldMapping.Resolve(fields.Language, "hs_language");
        VatCategory = CrmFieldMapping.Resolve(fields.VatCategory, "vat_category");
        VatRate = CrmFieldMapping.Resolve(fields.VatRate, "hs_tax_rate");
        PaymentDays = CrmFieldMapping.Resolve(fields.PaymentDays, "payment_days");
        Company = ["name", "address", "address2", "city", "zip", "state", "country", "phone", Modified, Siren, Siret, VatId];
        Contact = ["email", "firstname", "lastname", "phone", Language];
        Deal = ["dealname", "dealstage", "closedate", "deal_currency_code", Modified, PaymentDays];
        LineItem = ["name", "description", "hs_sku", "quantity", "price", "discount", "hs_discount_percentage", Modified, VatCategory, VatRate];
    }

    public string Siren { get; }

    public string Siret { get; }

    public string VatId { get; }

    public string Language { get; }

    public string VatCategory { get; }

    public string VatRate { get; }

    public string PaymentDays { get; }

    public IReadOnlyList<string> Company { get; }

    public IReadOnlyList<string> Contact { get; }

    public IReadOnlyList<string> Deal { get; }

    public IReadOnlyList<string> LineItem { get; }
}
