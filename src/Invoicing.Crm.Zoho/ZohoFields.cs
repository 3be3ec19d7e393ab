using Invoicing.Crm.Http;

namespace Invoicing.Crm.Zoho;

/// <summary>The Zoho fields read, standard ones and the mapped custom ones, resolved once from the options.</summary>
internal sealed class ZohoFields
{
    /// <summary>The connector's default names of the mapped fields.</summary>
    public static readonly CrmMappedFields Defaults = new("SIREN", "SIRET", "VAT_Number", "Language", "VAT_Category", "VAT_Rate", "Payment_Days");

    public ZohoFields(ZohoCrmOptions options)
    {
        Mapped = CrmMappedFields.Resolve(options.Fields, Defaults);
        Quantity = options.QuantityField.Trim();
        Account = string.Join(',', "Account_Name", "Billing_Street", "Billing_City", "Billing_Code", "Billing_State", "Billing_Country", "Phone", "Modified_Time", Mapped.Siren, Mapped.Siret, Mapped.VatId, Mapped.Language);
        Contact = "First_Name,Last_Name,Email,Phone";
        Deal = string.Join(',', "Deal_Name", "Stage", "Closing_Date", "Account_Name", "Currency", "Modified_Time", Mapped.PaymentDays);
        Product = string.Join(',', "Product_Name", "Product_Code", "Unit_Price", "Description", Quantity, Mapped.VatCategory, Mapped.VatRate);
    }

    public CrmMappedFields Mapped { get; }

    public string Quantity { get; }

    public string Account { get; }

    public string Contact { get; }

    public string Deal { get; }

    public string Product { get; }
}
