namespace Invoicing.Crm;

/// <summary>
/// Which CRM properties hold the values that have no standard field in the CRM: every connector reads these names, so
/// a CRM customised with its own properties (a <c>siren__c</c> on a Salesforce account, a <c>numero_tva</c> on a
/// HubSpot company) maps without code. Null keeps the connector's default property.
/// </summary>
public sealed class CrmFieldMapping
{
    /// <summary>The customer property holding the SIREN.</summary>
    public string? Siren { get; set; }

    /// <summary>The customer property holding the SIRET.</summary>
    public string? Siret { get; set; }

    /// <summary>The customer property holding the VAT identifier.</summary>
    public string? VatId { get; set; }

    /// <summary>The customer property holding the language.</summary>
    public string? Language { get; set; }

    /// <summary>The line item property holding the VAT category code.</summary>
    public string? VatCategory { get; set; }

    /// <summary>The line item property holding the VAT rate.</summary>
    public string? VatRate { get; set; }

    /// <summary>The deal property holding the payment delay in days.</summary>
    public string? PaymentDays { get; set; }

    /// <summary>The first of <paramref name="configured"/> and <paramref name="connectorDefault"/> that is set.</summary>
    public static string Resolve(string? configured, string connectorDefault) =>
        string.IsNullOrWhiteSpace(configured) ? connectorDefault : configured.Trim();
}
