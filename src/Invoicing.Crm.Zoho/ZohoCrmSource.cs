using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Invoicing.Crm.Http;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Crm.Zoho;

/// <summary>
/// Zoho CRM v3: Accounts (with their first Contact) and Deals (with their related Products) through the records API,
/// sorted by <c>Modified_Time</c>, filtered with <c>If-Modified-Since</c>, paged with <c>page_token</c> (a page number
/// while Zoho gives none). Deals are read whatever their stage, and those not in a won stage come as not won.
/// </summary>
internal sealed class ZohoCrmSource : ICrmSource
{
    public const string SourceName = "zoho";

    /// <summary>The header's ISO 8601 form, in UTC.</summary>
    private static readonly InstantPattern ModifiedSincePattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'+00:00'");

    private readonly CrmApi _api;
    private readonly ZohoCrmOptions _options;
    private readonly ZohoFields _fields;
    private readonly ZohoRecords _records;

    public ZohoCrmSource(HttpClient client, IOptions<ZohoCrmOptions> options)
    {
        _options = options.Value;
        client.BaseAddress ??= _options.ApiDomain;
        _api = new CrmApi(client, SourceName);
        _fields = new ZohoFields(_options);
        _records = new ZohoRecords(_fields);
    }

    public string Name => SourceName;

    public async IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (accounts, next) in ListAsync("Accounts", "account", _fields.Account, since, cancellationToken).ConfigureAwait(false))
        {
            var customers = new List<CrmCustomer>(accounts.Count);
            foreach (var account in accounts)
            {
                customers.Add(await CustomerAsync(account, cancellationToken).ConfigureAwait(false));
            }

            yield return new CrmPage<CrmCustomer>(customers, next);
        }
    }

    public async IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (deals, next) in ListAsync("Deals", "deal", _fields.Deal, since, cancellationToken).ConfigureAwait(false))
        {
            var page = new List<CrmDeal>(deals.Count);
            foreach (var deal in deals)
            {
                // Only a won deal's products are worth a request.
                var products = _records.IsWon(deal, _options.WonStages)
                    ? await RelatedAsync("Deals", ZohoRecords.Id(deal, "deal"), "Products", _fields.Product, int.MaxValue, cancellationToken).ConfigureAwait(false)
                    : [];
                page.Add(_records.Deal(deal, products, _options.WonStages));
            }

            yield return new CrmPage<CrmDeal>(page, next);
        }
    }

    public async Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        // Zoho ids are numbers: anything else names no account and never enters a URL.
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > 25 || !customerId.All(char.IsAsciiDigit))
        {
            return null;
        }

        using var document = await _api.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/crm/v3/Accounts/{customerId}?fields={_fields.Account}"),
            "account", notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var account = CrmJson.Items(document.RootElement, "data", new CrmRecordRef(SourceName, "account", customerId)).Select(item => item.Clone()).FirstOrDefault();
        return account.ValueKind == JsonValueKind.Undefined ? null : await CustomerAsync(account, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CrmCustomer> CustomerAsync(JsonElement account, CancellationToken cancellationToken)
    {
        var contacts = await RelatedAsync("Accounts", ZohoRecords.Id(account, "account"), "Contacts", _fields.Contact, 1, cancellationToken).ConfigureAwait(false);
        return _records.Customer(account, contacts.Count > 0 ? contacts[0] : null);
    }

    /// <summary>Pages of a module's records, oldest change first, each with the cursor that resumes after it.</summary>
    private async IAsyncEnumerable<(List<JsonElement> Records, CrmCursor Next)> ListAsync(
        string module, string kind, string fields, CrmCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor?.ModifiedSince;
        var position = cursor?.Position is { } text ? CrmPosition.Parse(text, SourceName) : (CrmPosition?)null;
        var latest = position?.LatestSeen;
        var token = position?.Token ?? "page:1";
        while (token is not null)
        {
            var what = $"{module} page";
            var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture,
                $"/crm/v3/{module}?fields={fields}&per_page={_options.PageSize}&sort_by=Modified_Time&sort_order=asc&{PageParameter(token)}"));
            if (since is { } mark)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", ModifiedSincePattern.Format(mark));
            }

            using var document = await _api.SendAsync(request, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);

            // 204 (no records) and 304 (none modified since) end the read.
            if (document is null)
            {
                yield return ([], CrmPosition.Next(since, latest, null));
                yield break;
            }

            var at = new CrmRecordRef(SourceName, what);
            var records = CrmJson.Items(document.RootElement, "data", at).Select(item => item.Clone()).ToList();
            foreach (var record in records)
            {
                latest = CrmPosition.Latest(latest, ZohoRecords.Modified(record, kind));
            }

            token = NextToken(document.RootElement, token, at);
            yield return (records, CrmPosition.Next(since, latest, token));
        }
    }

    /// <summary>A record's related list (an account's contacts, a deal's products), every page unless <paramref name="atMost"/> stops it.</summary>
    private async Task<List<JsonElement>> RelatedAsync(string module, string id, string relatedList, string fields, int atMost, CancellationToken cancellationToken)
    {
        var result = new List<JsonElement>();
        var what = $"{module} {relatedList}";
        for (var page = 1; result.Count < atMost; page++)
        {
            var perPage = Math.Min(atMost, _options.PageSize);
            using var document = await _api.SendAsync(
                new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/crm/v3/{module}/{id}/{relatedList}?fields={fields}&per_page={perPage}&page={page}")),
                what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                break;
            }

            var at = new CrmRecordRef(SourceName, what, id);
            result.AddRange(CrmJson.Items(document.RootElement, "data", at).Select(item => item.Clone()));
            if (CrmJson.Optional(document.RootElement, "info", JsonValueKind.Object, at) is not { } info
                || CrmJson.OptionalBoolean(info, "more_records", at) is not true)
            {
                break;
            }
        }

        return result.Count > atMost ? result[..atMost] : result;
    }

    /// <summary>
    /// The next page's token: <c>page_token:...</c> from <c>info.next_page_token</c>, else <c>page:N+1</c> while
    /// <c>info.more_records</c> is true, else null.
    /// </summary>
    private static string? NextToken(JsonElement root, string current, CrmRecordRef at)
    {
        if (CrmJson.Optional(root, "info", JsonValueKind.Object, at) is not { } info || CrmJson.OptionalBoolean(info, "more_records", at) is not true)
        {
            return null;
        }

        if (CrmJson.OptionalString(info, "next_page_token", at) is { } pageToken)
        {
            return "page_token:" + pageToken;
        }

        var page = CrmJson.OptionalDecimal(info, "page", at) ?? (current.StartsWith("page:", StringComparison.Ordinal) ? ParsePage(current) : null)
            ?? throw CrmErrors.Malformed(at, "info.next_page_token", "is missing while more_records is true");
        return string.Create(CultureInfo.InvariantCulture, $"page:{page + 1}");
    }

    private static string PageParameter(string token)
    {
        if (token.StartsWith("page_token:", StringComparison.Ordinal))
        {
            return "page_token=" + Uri.EscapeDataString(token["page_token:".Length..]);
        }

        return ParsePage(token) is { } page
            ? string.Create(CultureInfo.InvariantCulture, $"page={page}")
            : throw new CrmException(CrmErrorReason.InvalidCursor, SourceName, null, "cursor", $"{SourceName}: the stored sync cursor's page position is not one this connector wrote; reset the source's cursor to sync from the last mark.");
    }

    private static decimal? ParsePage(string token)
        => token.StartsWith("page:", StringComparison.Ordinal) && int.TryParse(token.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is > 0 and < 100_000
            ? page
            : null;
}
