using System.Text.Json;
using Invoicing.Crm.Http;
using NodaTime;

namespace Invoicing.Crm.HubSpot;

/// <summary>
/// Reads HubSpot CRM objects (<c>{"id", "properties": {...}, "updatedAt"}</c>, every property as text) into CRM
/// records. Pure: what HubSpot lacks stays null for the mapping to name.
/// </summary>
internal sealed class HubSpotRecords(HubSpotProperties properties)
{
    public const string Source = HubSpotCrmSource.SourceName;

    public static string Id(JsonElement item, string kind)
        => CrmJson.RequiredString(item, "id", new CrmRecordRef(Source, kind));

    public static JsonElement Properties(JsonElement item, string kind)
        => CrmJson.Required(item, "properties", JsonValueKind.Object, new CrmRecordRef(Source, kind, Id(item, kind)));

    /// <summary>The last modification: <c>hs_lastmodifieddate</c>, else the object's <c>updatedAt</c>.</summary>
    public static Instant Modified(JsonElement item, string kind)
    {
        var record = new CrmRecordRef(Source, kind, Id(item, kind));
        return CrmJson.OptionalInstant(Properties(item, kind), HubSpotProperties.Modified, record)
            ?? CrmJson.OptionalInstant(item, "updatedAt", record)
            ?? throw CrmErrors.Malformed(record, HubSpotProperties.Modified, "is missing");
    }

    public CrmCustomer Customer(JsonElement company, JsonElement? contact)
    {
        var id = Id(company, "company");
        var record = new CrmRecordRef(Source, "company", id);
        var p = Properties(company, "company");
        string? Text(string name) => CrmJson.OptionalString(p, name, record);
        var contactRecord = new CrmRecordRef(Source, "contact", contact is { } c ? Id(c, "contact") : null);
        var cp = contact is { } person ? Properties(person, "contact") : (JsonElement?)null;
        string? ContactText(string name) => cp is { } values ? CrmJson.OptionalString(values, name, contactRecord) : null;
        return new CrmCustomer
        {
            Id = id,
            ModifiedAt = Modified(company, "company"),
            Name = Text("name"),
            Address = new CrmAddress
            {
                Line1 = Text("address"),
                Line2 = Text("address2"),
                City = Text("city"),
                PostCode = Text("zip"),
                Subdivision = Text("state"),
                Country = Text("country"),
            },
            Siren = Text(properties.Mapped.Siren),
            Siret = Text(properties.Mapped.Siret),
            VatId = Text(properties.Mapped.VatId),
            Email = ContactText("email"),
            ContactName = CrmJson.PersonName(ContactText("firstname"), ContactText("lastname")),
            Phone = ContactText("phone") ?? Text("phone"),
            Language = ContactText(properties.Mapped.Language),
        };
    }

    public CrmDeal Deal(JsonElement deal, string? companyId, IReadOnlyList<JsonElement> lineItems, ISet<string> wonStages)
    {
        var id = Id(deal, "deal");
        var record = new CrmRecordRef(Source, "deal", id);
        var p = Properties(deal, "deal");
        var modified = Modified(deal, "deal");
        var lines = lineItems.Select(Line).ToList();

        // A line item edited leaves the deal's own stamp alone: the version covers both, so the sync sees the change.
        var latestLine = lineItems.Select(item => Modified(item, "line item")).DefaultIfEmpty(modified).Max();
        return new CrmDeal
        {
            Id = id,
            Version = $"{modified.ToUnixTimeMilliseconds()}.{latestLine.ToUnixTimeMilliseconds()}",
            ModifiedAt = modified,
            Name = CrmJson.OptionalString(p, "dealname", record),
            CustomerId = companyId,
            IsWon = CrmJson.OptionalString(p, "dealstage", record) is { } stage && wonStages.Contains(stage),
            ClosedOn = CrmJson.OptionalDate(p, "closedate", record),
            Currency = CrmJson.OptionalString(p, "deal_currency_code", record),
            PaymentDays = CrmJson.OptionalDays(p, properties.Mapped.PaymentDays, record),
            Lines = lines,
        };
    }

    private CrmDealLine Line(JsonElement item)
    {
        var id = Id(item, "line item");
        var record = new CrmRecordRef(Source, "line item", id);
        var p = Properties(item, "line item");
        var price = CrmJson.OptionalDecimal(p, "price", record);
        var discount = CrmJson.OptionalDecimal(p, "discount", record);
        var percentage = CrmJson.OptionalDecimal(p, "hs_discount_percentage", record);
        if (percentage is < 0 or > 100)
        {
            throw CrmErrors.Malformed(record, "hs_discount_percentage", "is not a percentage from 0 to 100");
        }

        // HubSpot's discount is per unit, as an amount or a percentage of the price; the line's price is after it.
        decimal? unitPrice;
        try
        {
            unitPrice = price is null ? null : price - (discount ?? 0m) - (price * (percentage ?? 0m) / 100m);
        }
        catch (OverflowException)
        {
            throw CrmErrors.Malformed(record, "price", "is out of range");
        }

        return new CrmDealLine
        {
            Id = id,
            Name = CrmJson.OptionalString(p, "name", record),
            Description = CrmJson.OptionalString(p, "description", record),
            ProductCode = CrmJson.OptionalString(p, "hs_sku", record),
            Quantity = CrmJson.OptionalDecimal(p, "quantity", record),
            UnitPrice = unitPrice,
            VatCategory = CrmJson.OptionalString(p, properties.Mapped.VatCategory, record),
            VatRate = CrmJson.OptionalDecimal(p, properties.Mapped.VatRate, record),
        };
    }
}
