namespace Invoicing.Crm.Salesforce;

/// <summary>The SOQL of the connector, with the mapped custom fields resolved once from the options.</summary>
internal sealed class SalesforceFields
{
    public SalesforceFields(SalesforceCrmOptions options)
    {
        var fields = options.Fields;
        Siren = CrmFieldMapping.Resolve(fields.Siren, "SIREN__c");
        Siret = CrmFieldMapping.Resolve(fields.Siret, "SIRET__c");
        VatId = CrmFieldMapping.Resolve(fields.VatId, "VAT_Number__c");
        Language = CrmFieldMapping.Resolve(fields.Language, "Language__c");
        VatCategory = CrmFieldMapping.Resolve(fields.VatCategory, "VAT_Category__c");
        VatRate = CrmFieldMapping.Resolve(fields.VatRate, "VAT_Rate__c");
        PaymentDays = CrmFieldMapping.Resolve(fields.PaymentDays, "Payment_Days__c");
        MultiCurrency = options.MultiCurrency;
    }

    public string Siren { get; }

    public string Siret { get; }

    public string VatId { get; }

    public string Language { get; }

    public string VatCategory { get; }

    public string VatRate { get; }

    public string PaymentDays { get; }

    public bool MultiCurrency { get; }

    /// <summary>Accounts with their oldest contact, oldest change first.</summary>
    public string AccountQuery(string? where) =>
        $"SELECT Id, Name, BillingStreet, BillingCity, BillingPostalCode, BillingState, BillingCountry, Phone, SystemModstamp, {Siren}, {Siret}, {VatId}, {Language}, "
        + "(SELECT Id, Name, Email, Phone FROM Contacts ORDER BY CreatedDate LIMIT 1) "
        + $"FROM Account{(where is null ? string.Empty : " WHERE " + where)} ORDER BY SystemModstamp ASC";

    /// <summary>Won opportunities with their line items, oldest change first.</summary>
    public string OpportunityQuery(string? since) =>
        $"SELECT Id, Name, AccountId, StageName, IsWon, CloseDate, SystemModstamp, {PaymentDays}{(MultiCurrency ? ", CurrencyIsoCode" : string.Empty)}, "
        + $"(SELECT Id, Name, Description, ProductCode, Quantity, UnitPrice, Discount, SystemModstamp, Product2.Name, {VatCategory}, {VatRate} FROM OpportunityLineItems ORDER BY SortOrder) "
        + $"FROM Opportunity WHERE IsWon = true{(since is null ? string.Empty : " AND SystemModstamp >= " + since)} ORDER BY SystemModstamp ASC";
}
