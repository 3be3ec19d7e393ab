using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Invoicing.Crm.Http;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Crm.HubSpot;

/// <summary>
/// HubSpot CRM v3: companies and won deals through the search API (<c>filterGroups</c> on
/// <c>hs_lastmodifieddate</c>, sorted by it, <c>after</c> paging), their contacts and line items through v4 batch
/// association reads and v3 batch object reads.
/// </summary>
internal sealed class HubSpotCrmSource : ICrmSource
{
    public const string SourceName = "hubspot";

    /// <summary>
    /// The search API returns at most 10,000 results per query. Before the offset reaches it, the read starts a new
    /// query from the latest modification seen (inclusive: the ledger skips what it has), so any number of records is read.
    /// </summary>
    internal const int SearchWindow = 10_000;

    /// <summary>The batch read endpoints take at most 100 ids.</summary>
    private const int BatchSize = 100;

    private readonly CrmApi _api;
    private readonly HubSpotCrmOptions _options;
    private readonly HubSpotProperties _properties;
    private readonly HubSpotRecords _records;

    public HubSpotCrmSource(HttpClient client, IOptions<HubSpotCrmOptions> options)
    {
        _options = options.Value;
        client.BaseAddress ??= _options.BaseUrl;
        _api = new CrmApi(client, SourceName);
        _properties = new HubSpotProperties(_options);
        _records = new HubSpotRecords(_properties);
    }

    public string Name => SourceName;

    public async IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (companies, next) in SearchAsync("companies", _properties.Company, [], since, cancellationToken).ConfigureAwait(false))
        {
            var contacts = await FirstAssociatedAsync("companies", "contacts", companies, _properties.Contact, cancellationToken).ConfigureAwait(false);
            var customers = companies.Select(company => _records.Customer(company, Contact(contacts, HubSpotRecords.Id(company, "company")))).ToList();
            yield return new CrmPage<CrmCustomer>(customers, next);
        }
    }

    public async IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stageFilter = new SearchFilter("dealstage", "IN", [.. _options.WonStages]);
        await foreach (var (deals, next) in SearchAsync("deals", _properties.Deal, [stageFilter], since, cancellationToken).ConfigureAwait(false))
        {
            var ids = deals.Select(deal => HubSpotRecords.Id(deal, "deal")).ToList();
            var companies = await AssociationsAsync("deals", "companies", ids, cancellationToken).ConfigureAwait(false);
            var lineIds = await AssociationsAsync("deals", "line_items", ids, cancellationToken).ConfigureAwait(false);
            var lineItems = await BatchReadAsync("line_items", lineIds.Values.SelectMany(list => list).Distinct().ToList(), _properties.LineItem, cancellationToken).ConfigureAwait(false);
            var page = new List<CrmDeal>(deals.Count);
            foreach (var deal in deals)
            {
                var id = HubSpotRecords.Id(deal, "deal");
                var lines = lineIds.GetValueOrDefault(id, []).Select(lineId => lineItems.TryGetValue(lineId, out var item)
                    ? item
                    : throw CrmErrors.Malformed(new CrmRecordRef(SourceName, "deal", id), "line_items", $"names the line item {CrmErrors.Excerpt(lineId)}, which HubSpot did not return")).ToList();
                page.Add(_records.Deal(deal, companies.GetValueOrDefault(id)?.FirstOrDefault(), lines, _options.WonStages));
            }

            yield return new CrmPage<CrmDeal>(page, next);
        }
    }

    public async Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(customerId) || !customerId.All(char.IsAsciiDigit) || customerId.Length > 20)
        {
            // HubSpot ids are numbers: anything else names no company, and is never put in a URL.
            return null;
        }

        var query = string.Join(',', _properties.Company.Select(Uri.EscapeDataString));
        using var document = await _api.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/crm/v3/objects/companies/{customerId}?properties={query}"),
            "company", notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var company = document.RootElement.Clone();
        var contacts = await FirstAssociatedAsync("companies", "contacts", [company], _properties.Contact, cancellationToken).ConfigureAwait(false);
        return _records.Customer(company, Contact(contacts, customerId));
    }

    /// <summary>Pages of a search, oldest modification first, each with the cursor that resumes after it.</summary>
    private async IAsyncEnumerable<(List<JsonElement> Items, CrmCursor Next)> SearchAsync(
        string objectType, IReadOnlyList<string> properties, IReadOnlyList<SearchFilter> filters, CrmCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor?.ModifiedSince;
        var position = cursor?.Position is { } text ? CrmPosition.Parse(text, SourceName) : (CrmPosition?)null;
        var latest = position?.LatestSeen;
        var after = position?.Token;
        while (true)
        {
            var what = $"{objectType} search page";
            using var document = await _api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/crm/v3/objects/{objectType}/search")
            {
                Content = CrmApi.JsonBody(writer => WriteSearch(writer, properties, filters, since, after)),
            }, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
            var root = document?.RootElement ?? throw CrmErrors.Malformed(new CrmRecordRef(SourceName, what), null, "is empty");
            var items = CrmJson.Items(root, "results", new CrmRecordRef(SourceName, what)).Select(item => item.Clone()).ToList();
            foreach (var item in items)
            {
                latest = CrmPosition.Latest(latest, HubSpotRecords.Modified(item, objectType == "deals" ? "deal" : "company"));
            }

            after = NextAfter(root, what);
            if (after is not null && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && offset + _options.PageSize > SearchWindow && latest is { } mark && mark != since)
            {
                // A new query from the latest mark: the cursor carries no position, so a resumed read starts it too.
                since = mark;
                after = null;
                yield return (items, new CrmCursor(mark));
                continue;
            }

            yield return (items, CrmPosition.Next(since, latest, after));
            if (after is null)
            {
                yield break;
            }
        }
    }

    private void WriteSearch(Utf8JsonWriter writer, IReadOnlyList<string> properties, IReadOnlyList<SearchFilter> filters, Instant? since, string? after)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("filterGroups");
        var all = since is { } mark
            ? [.. filters, new SearchFilter(HubSpotProperties.Modified, "GTE", [mark.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)])]
            : filters;
        if (all.Count > 0)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("filters");
            foreach (var filter in all)
            {
                filter.Write(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sorts");
        writer.WriteStartObject();
        writer.WriteString("propertyName", HubSpotProperties.Modified);
        writer.WriteString("direction", "ASCENDING");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("properties");
        foreach (var property in properties)
        {
            writer.WriteStringValue(property);
        }

        writer.WriteEndArray();
        writer.WriteNumber("limit", _options.PageSize);
        if (after is not null)
        {
            writer.WriteString("after", after);
        }

        writer.WriteEndObject();
    }

    /// <summary>The ids each object is associated with (v4 batch read), following each object's own association paging.</summary>
    private async Task<Dictionary<string, List<string>>> AssociationsAsync(string from, string to, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = ids.Select(id => (Id: id, After: (string?)null)).ToList();
        var what = $"{from} to {to} associations";
        var record = new CrmRecordRef(SourceName, what);
        while (pending.Count > 0)
        {
            var next = new List<(string Id, string? After)>();
            foreach (var chunk in pending.Chunk(BatchSize))
            {
                using var document = await _api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/crm/v4/associations/{from}/{to}/batch/read")
                {
                    Content = CrmApi.JsonBody(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteStartArray("inputs");
                        foreach (var (id, after) in chunk)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("id", id);
                            if (after is not null)
                            {
                                writer.WriteString("after", after);
                            }

                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }),
                }, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);

                // HubSpot answers 204 when none of the objects has an association of this kind.
                if (document is null)
                {
                    continue;
                }

                foreach (var item in CrmJson.Items(document.RootElement, "results", record))
                {
                    var fromId = CrmJson.RequiredString(CrmJson.Required(item, "from", JsonValueKind.Object, record), "id", record);
                    var list = result.TryGetValue(fromId, out var existing) ? existing : result[fromId] = [];
                    list.AddRange(CrmJson.Items(item, "to", record.For(fromId)).Select(target => CrmJson.RequiredString(target, "toObjectId", record.For(fromId))));
                    if (NextAfter(item, what) is { } after)
                    {
                        next.Add((fromId, after));
                    }
                }
            }

            pending = next;
        }

        return result;
    }

    /// <summary>The first associated object of each, read with its properties (a company's first contact gives the e-mail and language).</summary>
    private async Task<Dictionary<string, JsonElement>> FirstAssociatedAsync(string from, string to, IReadOnlyList<JsonElement> items, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var ids = items.Select(item => HubSpotRecords.Id(item, "company")).ToList();
        var associations = await AssociationsAsync(from, to, ids, cancellationToken).ConfigureAwait(false);
        var first = associations.Where(pair => pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => pair.Value.Min(CompareIds)!, StringComparer.Ordinal);
        var objects = await BatchReadAsync(to, first.Values.Distinct().ToList(), properties, cancellationToken).ConfigureAwait(false);
        return first.Where(pair => objects.ContainsKey(pair.Value)).ToDictionary(pair => pair.Key, pair => objects[pair.Value], StringComparer.Ordinal);
    }

    /// <summary>Objects by id through the v3 batch read, 100 at a time.</summary>
    private async Task<Dictionary<string, JsonElement>> BatchReadAsync(string objectType, IReadOnlyList<string> ids, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var what = $"{objectType} batch";
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            using var document = await _api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/crm/v3/objects/{objectType}/batch/read")
            {
                Content = CrmApi.JsonBody(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("properties");
                    foreach (var property in properties)
                    {
                        writer.WriteStringValue(property);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("inputs");
                    foreach (var id in chunk)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", id);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }),
            }, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            foreach (var item in CrmJson.Items(document.RootElement, "results", new CrmRecordRef(SourceName, what)))
            {
                result[HubSpotRecords.Id(item, objectType)] = item.Clone();
            }
        }

        return result;
    }

    /// <summary>The company's contact, or null when it has none (not a default element, which reads as a broken record).</summary>
    private static JsonElement? Contact(Dictionary<string, JsonElement> contacts, string companyId)
        => contacts.TryGetValue(companyId, out var contact) ? contact : null;

    /// <summary><c>paging.next.after</c>, or null on the last page.</summary>
    private static string? NextAfter(JsonElement parent, string what)
    {
        var record = new CrmRecordRef(SourceName, what);
        return CrmJson.Optional(parent, "paging", JsonValueKind.Object, record) is { } paging
            && CrmJson.Optional(paging, "next", JsonValueKind.Object, record) is { } next
            ? CrmJson.OptionalString(next, "after", record)
            : null;
    }

    /// <summary>The lowest numeric id first, so "the first contact" is the oldest one, the same on every run.</summary>
    private static readonly Comparer<string> CompareIds = Comparer<string>.Create((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));

    /// <summary>One search filter: <c>{"propertyName", "operator", "value"}</c>, or <c>"values"</c> for <c>IN</c>.</summary>
    private sealed record SearchFilter(string Property, string Operator, IReadOnlyList<string> Values)
    {
        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("propertyName", Property);
            writer.WriteString("operator", Operator);
            if (Operator == "IN")
            {
                writer.WriteStartArray("values");
                foreach (var value in Values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("value", Values[0]);
            }

            writer.WriteEndObject();
        }
    }
}
