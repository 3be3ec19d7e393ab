namespace Invoicing.Crm.Csv;

/// <summary>The column names of the two files (case-insensitive, in any order; other columns are ignored).</summary>
public static class CsvColumns
{
    /// <summary>The customers file's columns; <c>id</c> is required.</summary>
    public static IReadOnlyList<string> Customers { get; } =
        ["id", "name", "siren", "siret", "vat_id", "email", "language", "contact_name", "phone", "address_line1", "address_line2", "city", "post_code", "region", "country"];

    /// <summary>The lines file's columns, one row per deal line; <c>deal_id</c>, <c>customer_id</c>, <c>item</c>, <c>quantity</c> and <c>unit_price</c> are required.</summary>
    public static IReadOnlyList<string> Lines { get; } =
        ["deal_id", "customer_id", "deal_name", "currency", "payment_days", "purchase_order", "closed_on", "item", "description", "product_code", "quantity", "unit_price", "vat_category", "vat_rate", "unit"];

    internal static readonly string[] RequiredCustomers = ["id"];

    internal static readonly string[] RequiredLines = ["deal_id", "customer_id", "item", "quantity", "unit_price"];
}
