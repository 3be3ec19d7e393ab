using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Invoicing.Crm.Http;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Crm.Salesforce;

/// <summary>
/// Salesforce REST API: SOQL over Account (with its first Contact) and won Opportunity (with its OpportunityLineItems),
/// filtered and sorted on <c>SystemModstamp</c>, paged through <c>nextRecordsUrl</c>.
/// </summary>
internal sealed class SalesforceCrmSource : ICrmSource
{
    public const string SourceName = "salesforce";

    /// <summary>SOQL's date-time literal, in UTC.</summary>
    private static readonly InstantPattern SoqlDateTime = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    private readonly CrmApi _api;
    private readonly SalesforceCrmOptions _options;
    private readonly SalesforceFields _fields;
    private readonly SalesforceRecords _records;

    public SalesforceCrmSource(HttpClient client, IOptions<SalesforceCrmOptions> options)
    {
        _options = options.Value;
        client.BaseAddress ??= _options.InstanceUrl;
        _api = new CrmApi(client, SourceName);
        _fields = new SalesforceFields(_options);
        _records = new SalesforceRecords(_fields);
    }

    public string Name => SourceName;

    private string QueryPath => $"/services/data/{_options.ApiVersion}/";

    public async IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var where = since?.ModifiedSince is { } mark ? "SystemModstamp >= " + SoqlDateTime.Format(mark) : null;
        await foreach (var (records, next) in QueryAsync(_fields.AccountQuery(where), "Account", since, cancellationToken).ConfigureAwait(false))
        {
            var customers = new List<CrmCustomer>(records.Count);
            foreach (var account in records)
            {
                var contacts = await SubQueryAsync(account, "Contacts", "Account", cancellationToken).ConfigureAwait(false);
                customers.Add(_records.Customer(account, contacts.Count > 0 ? contacts[0] : null));
            }

            yield return new CrmPage<CrmCustomer>(customers, next);
        }
    }

    public async IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mark = since?.ModifiedSince is { } instant ? SoqlDateTime.Format(instant) : null;
        await foreach (var (records, next) in QueryAsync(_fields.OpportunityQuery(mark), "Opportunity", since, cancellationToken).ConfigureAwait(false))
        {
            var deals = new List<CrmDeal>(records.Count);
            foreach (var opportunity in records)
            {
                var lines = await SubQueryAsync(opportunity, "OpportunityLineItems", "Opportunity", cancellationToken).ConfigureAwait(false);
                deals.Add(_records.Deal(opportunity, lines));
            }

            yield return new CrmPage<CrmDeal>(deals, next);
        }
    }

    public async Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        // Salesforce ids are 15 or 18 letters and digits: anything else names no account and never enters a query.
        if (customerId is null || customerId.Length is not (15 or 18) || !customerId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        await foreach (var (records, _) in QueryAsync(_fields.AccountQuery($"Id = '{customerId}'"), "Account", null, cancellationToken).ConfigureAwait(false))
        {
            if (records.Count > 0)
            {
                var contacts = await SubQueryAsync(records[0], "Contacts", "Account", cancellationToken).ConfigureAwait(false);
                return _records.Customer(records[0], contacts.Count > 0 ? contacts[0] : null);
            }
        }

        return null;
    }

    /// <summary>The pages of a query: the first from <c>query?q=</c>, each next from the answer's <c>nextRecordsUrl</c>.</summary>
    private async IAsyncEnumerable<(List<JsonElement> Records, CrmCursor Next)> QueryAsync(
        string soql, string kind, CrmCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor?.ModifiedSince;
        var position = cursor?.Position is { } text ? CrmPosition.Parse(text, SourceName) : (CrmPosition?)null;
        var latest = position?.LatestSeen;
        var url = position?.Token is { } token ? CheckedNextUrl(token, null) : QueryPath + "query?q=" + Uri.EscapeDataString(soql);
        while (url is not null)
        {
            var what = $"{kind} query page";
            var page = await GetAsync(url, what, cancellationToken).ConfigureAwait(false);
            var at = new CrmRecordRef(SourceName, what);
            var records = CrmJson.Items(page, "records", at).ToList();
            foreach (var record in records)
            {
                latest = CrmPosition.Latest(latest, SalesforceRecords.Modified(record, kind));
            }

            url = NextUrl(page, at);
            yield return (records, CrmPosition.Next(since, latest, url));
        }
    }

    /// <summary>
    /// The records of a sub-query (an account's contacts, an opportunity's line items), following its own
    /// <c>nextRecordsUrl</c> when Salesforce cut it, so no line is lost on a large opportunity.
    /// </summary>
    private async Task<List<JsonElement>> SubQueryAsync(JsonElement parent, string relationship, string kind, CancellationToken cancellationToken)
    {
        var at = new CrmRecordRef(SourceName, kind, SalesforceRecords.Id(parent, kind));
        if (CrmJson.Optional(parent, relationship, JsonValueKind.Object, at) is not { } result)
        {
            return [];
        }

        var records = CrmJson.Items(result, "records", at).ToList();
        var url = NextUrl(result, at);
        while (url is not null)
        {
            var page = await GetAsync(url, $"{kind} {relationship} page", cancellationToken).ConfigureAwait(false);
            records.AddRange(CrmJson.Items(page, "records", at));
            url = NextUrl(page, at);
        }

        return records;
    }

    private async Task<JsonElement> GetAsync(string url, string what, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Sforce-Query-Options", string.Create(CultureInfo.InvariantCulture, $"batchSize={_options.PageSize}"));
        using var document = await _api.SendAsync(request, what, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        return document?.RootElement.Clone() ?? throw CrmErrors.Malformed(new CrmRecordRef(SourceName, what), null, "is empty");
    }

    /// <summary><c>nextRecordsUrl</c> while <c>done</c> is false, else null.</summary>
    private string? NextUrl(JsonElement page, CrmRecordRef at)
    {
        if (CrmJson.OptionalBoolean(page, "done", at) is not false)
        {
            return null;
        }

        return CheckedNextUrl(CrmJson.OptionalString(page, "nextRecordsUrl", at)
            ?? throw CrmErrors.Malformed(at, "nextRecordsUrl", "is missing while done is false"), at);
    }

    /// <summary>A next-page URL must be a path of this API on the same instance: a hostile one is refused, never followed.</summary>
    private string CheckedNextUrl(string url, CrmRecordRef? at)
    {
        if (url.StartsWith(QueryPath + "query/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal))
        {
            return url;
        }

        throw at is { } record
            ? CrmErrors.Malformed(record, "nextRecordsUrl", "is not a query path of this API")
            : new CrmException(CrmErrorReason.InvalidCursor, SourceName, null, "cursor", $"{SourceName}: the stored sync cursor's page position is not a query path of this API; reset the source's cursor to sync from the last mark.");
    }
}
