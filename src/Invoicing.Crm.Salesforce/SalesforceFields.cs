using Invoicing.Crm.Http;

namespace Invoicing.Crm.Salesforce;

/// <summary>The SOQL of the connector, with the mapped custom fields resolved once from the options.</summary>
internal sealed class SalesforceFields
{
    /// <summary>The connector's default names of the mapped fields.</summary>
    public static readonly CrmMappedFields Defaults = new("SIREN__c", "SIRET__c", "VAT_Number__c", "Language__c", "VAT_Category__c", "VAT_Rate__c", "Payment_Days__c");

    public SalesforceFields(SalesforceCrmOptions options)
    {
        Mapped = CrmMappedFields.Resolve(options.Fields, Defaults);
        MultiCurrency = options.MultiCurrency;
    }

    public CrmMappedFields Mapped { get; }

    public bool MultiCurrency { get; }

    /// <summary>Accounts with their oldest contact, oldest change first.</summary>
    public string AccountQuery(string? where) =>
        $"SELECT Id, Name, BillingStreet, BillingCity, BillingPostalCode, BillingState, BillingCountry, Phone, SystemModstamp, {Mapped.Siren}, {Mapped.Siret}, {Mapped.VatId}, {Mapped.Language}, "
        + "(SELECT Id, Name, Email, Phone FROM Contacts ORDER BY CreatedDate LIMIT 1) "
        + $"FROM Account{(where is null ? string.Empty : " WHERE " + where)} ORDER BY SystemModstamp ASC";

    /// <summary>Won opportunities with their line items, oldest change first.</summary>
    public string OpportunityQuery(string? since) =>
        $"SELECT Id, Name, AccountId, StageName, IsWon, CloseDate, SystemModstamp, {Mapped.PaymentDays}{(MultiCurrency ? ", CurrencyIsoCode" : string.Empty)}, "
        + $"(SELECT Id, Name, Description, ProductCode, Quantity, UnitPrice, Discount, SystemModstamp, Product2.Name, {Mapped.VatCategory}, {Mapped.VatRate} FROM OpportunityLineItems ORDER BY SortOrder) "
        + $"FROM Opportunity WHERE IsWon = true{(since is null ? string.Empty : " AND SystemModstamp >= " + since)} ORDER BY SystemModstamp ASC";
}
