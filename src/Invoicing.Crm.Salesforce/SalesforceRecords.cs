using System.Text.Json;
using Invoicing.Crm.Http;
using NodaTime;

namespace Invoicing.Crm.Salesforce;

/// <summary>
/// Reads the records of a SOQL answer (<c>{"attributes": {...}, "Id", ...}</c>, numbers as JSON numbers, relationship
/// fields as nested records, sub-queries as nested query results) into CRM records. Pure.
/// </summary>
internal sealed class SalesforceRecords(SalesforceFields fields)
{
    public const string Source = SalesforceCrmSource.SourceName;

    public static string Id(JsonElement record, string kind) => CrmJson.RequiredString(record, "Id", new CrmRecordRef(Source, kind));

    public static Instant Modified(JsonElement record, string kind)
    {
        var at = new CrmRecordRef(Source, kind, Id(record, kind));
        return CrmJson.OptionalInstant(record, "SystemModstamp", at) ?? throw CrmErrors.Malformed(at, "SystemModstamp", "is missing");
    }

    public CrmCustomer Customer(JsonElement account, JsonElement? contact)
    {
        var id = Id(account, "Account");
        var at = new CrmRecordRef(Source, "Account", id);
        string? Text(string name) => CrmJson.OptionalString(account, name, at);
        var contactAt = new CrmRecordRef(Source, "Contact", contact is { } c ? CrmJson.OptionalString(c, "Id", at) : null);
        string? ContactText(string name) => contact is { } person ? CrmJson.OptionalString(person, name, contactAt) : null;

        // BillingStreet is one text area: its first line is the street, the rest the additional line.
        var street = Text("BillingStreet")?.Split('\n', 2, StringSplitOptions.TrimEntries);
        return new CrmCustomer
        {
            Id = id,
            ModifiedAt = Modified(account, "Account"),
            Name = Text("Name"),
            Address = new CrmAddress
            {
                Line1 = street?[0],
                Line2 = street is [_, var rest] && rest.Length > 0 ? rest.Replace('\n', ' ') : null,
                City = Text("BillingCity"),
                PostCode = Text("BillingPostalCode"),
                Subdivision = Text("BillingState"),
                Country = Text("BillingCountry"),
            },
            Siren = Text(fields.Mapped.Siren),
            Siret = Text(fields.Mapped.Siret),
            VatId = Text(fields.Mapped.VatId),
            Language = Text(fields.Mapped.Language),
            Email = ContactText("Email"),
            ContactName = ContactText("Name"),
            Phone = ContactText("Phone") ?? Text("Phone"),
        };
    }

    public CrmDeal Deal(JsonElement opportunity, IReadOnlyList<JsonElement> lineItems)
    {
        var id = Id(opportunity, "Opportunity");
        var at = new CrmRecordRef(Source, "Opportunity", id);
        var modified = Modified(opportunity, "Opportunity");

        // A line item edited may leave the opportunity's stamp alone: the version covers both.
        var latestLine = lineItems.Select(item => Modified(item, "OpportunityLineItem")).DefaultIfEmpty(modified).Max();
        return new CrmDeal
        {
            Id = id,
            Version = $"{modified.ToUnixTimeMilliseconds()}.{latestLine.ToUnixTimeMilliseconds()}",
            ModifiedAt = modified,
            Name = CrmJson.OptionalString(opportunity, "Name", at),
            CustomerId = CrmJson.OptionalString(opportunity, "AccountId", at),
            IsWon = CrmJson.OptionalBoolean(opportunity, "IsWon", at) ?? false,
            ClosedOn = CrmJson.OptionalDate(opportunity, "CloseDate", at),
            Currency = fields.MultiCurrency ? CrmJson.OptionalString(opportunity, "CurrencyIsoCode", at) : null,
            PaymentDays = CrmJson.OptionalDays(opportunity, fields.Mapped.PaymentDays, at),
            Lines = lineItems.Select(Line).ToList(),
        };
    }

    private CrmDealLine Line(JsonElement item)
    {
        var at = new CrmRecordRef(Source, "OpportunityLineItem", Id(item, "OpportunityLineItem"));
        var product = CrmJson.Optional(item, "Product2", JsonValueKind.Object, at);
        var price = CrmJson.OptionalDecimal(item, "UnitPrice", at);
        var discount = CrmJson.OptionalDecimal(item, "Discount", at);
        if (discount is < 0 or > 100)
        {
            throw CrmErrors.Malformed(at, "Discount", "is not a percentage from 0 to 100");
        }

        // Discount is a percentage of the sales price; the line's price is after it.
        decimal? unitPrice;
        try
        {
            unitPrice = price is null ? null : price - (price * (discount ?? 0m) / 100m);
        }
        catch (OverflowException)
        {
            throw CrmErrors.Malformed(at, "UnitPrice", "is out of range");
        }

        return new CrmDealLine
        {
            Id = at.Id,
            Name = (product is { } p ? CrmJson.OptionalString(p, "Name", at) : null) ?? CrmJson.OptionalString(item, "Name", at),
            Description = CrmJson.OptionalString(item, "Description", at),
            ProductCode = CrmJson.OptionalString(item, "ProductCode", at),
            Quantity = CrmJson.OptionalDecimal(item, "Quantity", at),
            UnitPrice = unitPrice,
            VatCategory = CrmJson.OptionalString(item, fields.Mapped.VatCategory, at),
            VatRate = CrmJson.OptionalDecimal(item, fields.Mapped.VatRate, at),
        };
    }
}
