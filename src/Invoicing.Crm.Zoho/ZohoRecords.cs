using System.Globalization;
using System.Text.Json;
using Invoicing.Crm.Http;
using NodaTime;

namespace Invoicing.Crm.Zoho;

/// <summary>
/// Reads Zoho CRM records (<c>{"id", "Account_Name", ..., "Modified_Time": "2024-05-01T10:00:00+05:30"}</c>, lookups as
/// <c>{"name", "id"}</c>) into CRM records. Pure.
/// </summary>
internal sealed class ZohoRecords(ZohoFields fields)
{
    public const string Source = ZohoCrmSource.SourceName;

    public static string Id(JsonElement record, string kind) => CrmJson.RequiredString(record, "id", new CrmRecordRef(Source, kind));

    public static Instant Modified(JsonElement record, string kind)
    {
        var at = new CrmRecordRef(Source, kind, Id(record, kind));
        return CrmJson.OptionalInstant(record, "Modified_Time", at) ?? throw CrmErrors.Malformed(at, "Modified_Time", "is missing");
    }

    public CrmCustomer Customer(JsonElement account, JsonElement? contact)
    {
        var id = Id(account, "account");
        var at = new CrmRecordRef(Source, "account", id);
        string? Text(string name) => CrmJson.OptionalString(account, name, at);
        var contactAt = new CrmRecordRef(Source, "contact", contact is { } c ? CrmJson.OptionalString(c, "id", at) : null);
        string? ContactText(string name) => contact is { } person ? CrmJson.OptionalString(person, name, contactAt) : null;
        return new CrmCustomer
        {
            Id = id,
            ModifiedAt = Modified(account, "account"),
            Name = Text("Account_Name"),
            Address = new CrmAddress
            {
                Line1 = Text("Billing_Street"),
                City = Text("Billing_City"),
                PostCode = Text("Billing_Code"),
                Subdivision = Text("Billing_State"),
                Country = Text("Billing_Country"),
            },
            Siren = Text(fields.Mapped.Siren),
            Siret = Text(fields.Mapped.Siret),
            VatId = Text(fields.Mapped.VatId),
            Language = Text(fields.Mapped.Language),
            Email = ContactText("Email"),
            ContactName = CrmJson.PersonName(ContactText("First_Name"), ContactText("Last_Name")),
            Phone = ContactText("Phone") ?? Text("Phone"),
        };
    }

    /// <summary>The deal's account: the lookup <c>Account_Name</c> is <c>{"name", "id"}</c>.</summary>
    public static string? AccountId(JsonElement deal)
    {
        var at = new CrmRecordRef(Source, "deal", Id(deal, "deal"));
        return CrmJson.Optional(deal, "Account_Name", JsonValueKind.Object, at) is { } lookup ? CrmJson.OptionalString(lookup, "id", at) : null;
    }

    public bool IsWon(JsonElement deal, ISet<string> wonStages)
        => CrmJson.OptionalString(deal, "Stage", new CrmRecordRef(Source, "deal", Id(deal, "deal"))) is { } stage && wonStages.Contains(stage);

    public CrmDeal Deal(JsonElement deal, IReadOnlyList<JsonElement> products, ISet<string> wonStages)
    {
        var id = Id(deal, "deal");
        var at = new CrmRecordRef(Source, "deal", id);
        var modified = Modified(deal, "deal");
        var lines = products.Select(Line).ToList();

        // Relating a product to a deal leaves the deal's stamp alone: the version covers its products too.
        var productKey = string.Join(',', lines.Select(line => string.Create(CultureInfo.InvariantCulture, $"{line.Id}:{line.Quantity}:{line.UnitPrice}")));
        return new CrmDeal
        {
            Id = id,
            Version = $"{modified.ToUnixTimeMilliseconds()}.{StableHash(productKey):x8}",
            ModifiedAt = modified,
            Name = CrmJson.OptionalString(deal, "Deal_Name", at),
            CustomerId = AccountId(deal),
            IsWon = IsWon(deal, wonStages),
            ClosedOn = CrmJson.OptionalDate(deal, "Closing_Date", at),
            Currency = CrmJson.OptionalString(deal, "Currency", at),
            PaymentDays = CrmJson.OptionalDays(deal, fields.Mapped.PaymentDays, at),
            Lines = lines,
        };
    }

    private CrmDealLine Line(JsonElement product)
    {
        var at = new CrmRecordRef(Source, "product", Id(product, "product"));
        return new CrmDealLine
        {
            Id = at.Id,
            Name = CrmJson.OptionalString(product, "Product_Name", at),
            Description = CrmJson.OptionalString(product, "Description", at),
            ProductCode = CrmJson.OptionalString(product, "Product_Code", at),

            // The relation has no quantity: a product related to a deal is sold once unless the mapped field says more.
            Quantity = CrmJson.OptionalDecimal(product, fields.Quantity, at) ?? 1m,
            UnitPrice = CrmJson.OptionalDecimal(product, "Unit_Price", at),
            VatCategory = CrmJson.OptionalString(product, fields.Mapped.VatCategory, at),
            VatRate = CrmJson.OptionalDecimal(product, fields.Mapped.VatRate, at),
        };
    }

    /// <summary>FNV-1a over the text: the same on every run and machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash;
        }
    }
}
