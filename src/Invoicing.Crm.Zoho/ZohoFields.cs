namespace Invoicing.Crm.Zoho;

/// <summary>The Zoho fields read, standard ones and the mapped custom ones, resolved once from the options.</summary>
internal sealed class ZohoFields
{
    public ZohoFields(ZohoCrmOptions options)
    {
        var fields = options.Fields;
        Siren = CrmFieldMapping.Resolve(fields.Siren, "SIREN");
        Siret = CrmFieldMapping.Resolve(fields.Siret, "SIRET");
        VatId = CrmFieldMapping.Resolve(fields.VatId, "VAT_Number");
        Language = CrmFieldMapping.Resolve(fields.Language, "Language");
        VatCategory = CrmFieldMapping.Resolve(fields.VatCategory, "VAT_Category");
        VatRate = CrmFieldMapping.Resolve(fields.VatRate, "VAT_Rate");
        PaymentDays = CrmFieldMapping.Resolve(fields.PaymentDays, "Payment_Days");
        Quantity = options.QuantityField.Trim();
        Account = string.Join(',', "Account_Name", "Billing_Street", "Billing_City", "Billing_Code", "Billing_State", "Billing_Country", "Phone", "Modified_Time", Siren, Siret, VatId, Language);
        Contact = "First_Name,Last_Name,Email,Phone";
        Deal = string.Join(',', "Deal_Name", "Stage", "Closing_Date", "Account_Name", "Currency", "Modified_Time", PaymentDays);
        Product = string.Join(',', "Product_Name", "Product_Code", "Unit_Price", "Description", Quantity, VatCategory, VatRate);
    }

    public string Siren { get; }

    public string Siret { get; }

    public string VatId { get; }

    public string Language { get; }

    public string VatCategory { get; }

    public string VatRate { get; }

    public string PaymentDays { get; }

    public string Quantity { get; }

    public string Account { get; }

    public string Contact { get; }

    public string Deal { get; }

    public string Product { get; }
}
