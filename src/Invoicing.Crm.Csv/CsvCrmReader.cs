using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Crm.Csv;

/// <summary>Reads the customers and lines tables into CRM records, reporting each bad cell with its line and column.</summary>
internal static class CsvCrmReader
{
    public static List<CrmCustomer> Customers(CsvTable table)
    {
        var customers = new List<CrmCustomer>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (table.Value(row, "id") is not { } id)
            {
                table.Errors.Add(new CsvRowError(table.File, row.Line, "id", "The customer id is empty."));
                continue;
            }

            if (!seen.TryAdd(id, row.Line))
            {
                table.Errors.Add(new CsvRowError(table.File, row.Line, "id", $"The customer id '{id}' is already on line {seen[id]}."));
                continue;
            }

            customers.Add(new CrmCustomer
            {
                Id = id,
                Name = table.Value(row, "name"),
                Siren = table.Value(row, "siren"),
                Siret = table.Value(row, "siret"),
                VatId = table.Value(row, "vat_id"),
                Email = table.Value(row, "email"),
                Language = table.Value(row, "language"),
                ContactName = table.Value(row, "contact_name"),
                Phone = table.Value(row, "phone"),
                Address = new CrmAddress
                {
                    Line1 = table.Value(row, "address_line1"),
                    Line2 = table.Value(row, "address_line2"),
                    City = table.Value(row, "city"),
                    PostCode = table.Value(row, "post_code"),
                    Subdivision = table.Value(row, "region"),
                    Country = table.Value(row, "country"),
                },
            });
        }

        return customers;
    }

    /// <summary>The deals of the lines table, in the order of their first line, and the ids of deals with a bad row.</summary>
    public static (List<CrmDeal> Deals, HashSet<string> Bad) Deals(CsvTable table)
    {
        var order = new List<string>();
        var rowsByDeal = new Dictionary<string, List<(CsvTableRow Row, CrmDealLine Line)>>(StringComparer.Ordinal);
        var bad = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (table.Value(row, "deal_id") is not { } dealId)
            {
                table.Errors.Add(new CsvRowError(table.File, row.Line, "deal_id", "The deal id is empty."));
                continue;
            }

            if (!rowsByDeal.TryGetValue(dealId, out var rows))
            {
                rowsByDeal[dealId] = rows = [];
                order.Add(dealId);
            }

            var errorsBefore = table.Errors.Count;
            var line = Line(table, row);
            if (rows.Count > 0)
            {
                foreach (var column in (string[])["customer_id", "deal_name", "currency", "payment_days", "purchase_order", "closed_on"])
                {
                    if (!string.Equals(table.Value(rows[0].Row, column), table.Value(row, column), StringComparison.Ordinal))
                    {
                        table.Errors.Add(new CsvRowError(table.File, row.Line, column, $"The deal '{dealId}' has another {column} on line {rows[0].Row.Line}; a deal's lines share it."));
                    }
                }
            }

            if (table.Errors.Count > errorsBefore)
            {
                bad.Add(dealId);
            }

            rows.Add((row, line));
        }

        var deals = new List<CrmDeal>(order.Count);
        foreach (var dealId in order)
        {
            var rows = rowsByDeal[dealId];
            var first = rows[0].Row;
            var deal = new CrmDeal
            {
                Id = dealId,
                Version = "-",
                CustomerId = table.Value(first, "customer_id"),
                IsWon = true,
                Name = table.Value(first, "deal_name"),
                Currency = table.Value(first, "currency"),
                PaymentDays = table.Value(first, "payment_days") is { } days && int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                PurchaseOrderReference = table.Value(first, "purchase_order"),
                ClosedOn = table.Value(first, "closed_on") is { } closed && CsvValues.TryDate(closed, out var date) ? date : null,
                Lines = [.. rows.Select(r => r.Line)],
            };
            deals.Add(deal with { Version = VersionOf(deal) });
        }

        return (deals, bad);
    }

    private static CrmDealLine Line(CsvTable table, CsvTableRow row)
    {
        if (table.Value(row, "customer_id") is null)
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, "customer_id", "The customer id is empty."));
        }

        if (table.Value(row, "item") is null)
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, "item", "The item name is empty."));
        }

        var quantity = Decimal(table, row, "quantity", required: true);
        var price = Decimal(table, row, "unit_price", required: true);
        var rate = Decimal(table, row, "vat_rate", required: false);
        if (rate is < 0 or > 100)
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, "vat_rate", $"The VAT rate {rate} is not a percentage from 0 to 100."));
        }

        if (table.Value(row, "payment_days") is { } days && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 3660))
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, "payment_days", $"'{days}' is not a number of days from 0 to 3660."));
        }

        if (table.Value(row, "closed_on") is { } closed && !CsvValues.TryDate(closed, out _))
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, "closed_on", $"'{closed}' is not a date (yyyy-MM-dd or dd/MM/yyyy)."));
        }

        return new CrmDealLine
        {
            Name = table.Value(row, "item"),
            Description = table.Value(row, "description"),
            ProductCode = table.Value(row, "product_code"),
            Quantity = quantity,
            UnitPrice = price,
            VatCategory = table.Value(row, "vat_category"),
            VatRate = rate,
            UnitCode = table.Value(row, "unit"),
        };
    }

    private static decimal? Decimal(CsvTable table, CsvTableRow row, string column, bool required)
    {
        if (table.Value(row, column) is not { } text)
        {
            if (required)
            {
                table.Errors.Add(new CsvRowError(table.File, row.Line, column, $"The {column.Replace('_', ' ')} is empty."));
            }

            return null;
        }

        if (!CsvValues.TryDecimal(text, out var value) || Math.Abs(value) > 1_000_000_000_000m)
        {
            table.Errors.Add(new CsvRowError(table.File, row.Line, column, $"'{text}' is not a number (write 1234.56 or 1234,56)."));
            return null;
        }

        return value;
    }

    /// <summary>
    /// A file has no version: the deal's values, hashed, are one, so changing a value is a new version, and rereading
    /// the file, or rewriting it with another separator or decimal style, is not.
    /// </summary>
    internal static string VersionOf(CrmDeal deal)
    {
        var text = new StringBuilder();
        Append(text, deal.CustomerId, deal.Name, deal.Currency, Text(deal.PaymentDays), deal.PurchaseOrderReference, deal.ClosedOn?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        foreach (var line in deal.Lines)
        {
            Append(text, line.Name, line.Description, line.ProductCode, Text(line.Quantity), Text(line.UnitPrice), line.VatCategory, Text(line.VatRate), line.UnitCode);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    private static void Append(StringBuilder text, params string?[] values)
    {
        foreach (var value in values)
        {
            text.Append(value is null ? "\\0" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\u001F", "\\u", StringComparison.Ordinal)).Append('\u001F');
        }

        text.Append('\n');
    }

    /// <summary>A number without its trailing zeros: 12.50 and 12.5 are the same value.</summary>
    private static string? Text(decimal? value) => value is { } number ? (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : null;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
