using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Invoicing.Crm.Tests;

/// <summary>
/// A CRM in memory with real incremental semantics: records modified at or after the cursor's instant, in pages of
/// <see cref="PageSize"/> with a position (the index after the page), so resuming mid-read and the last page's mark are exercised.
/// </summary>
internal sealed class FakeCrmSource(string name = "fake") : ICrmSource
{
    public Dictionary<string, CrmCustomer> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CrmDeal> Deals { get; } = new(StringComparer.Ordinal);

    public int PageSize { get; set; } = 3;

    public int CustomerLookups { get; private set; }

    public List<CrmCursor?> DealCursorsRead { get; } = [];

    /// <summary>Throws after this many deal pages (a CRM outage mid-read); null never.</summary>
    public int? FailAfterDealPages { get; set; }

    public string Name => name;

    public void Put(CrmCustomer customer) => Customers[customer.Id] = customer;

    public void Put(CrmDeal deal) => Deals[deal.Id] = deal;

    public IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, CancellationToken cancellationToken = default) =>
        Pages(Customers.Values.OrderBy(c => c.ModifiedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray(), c => c.ModifiedAt, since, null, cancellationToken);

    public IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, CancellationToken cancellationToken = default)
    {
        DealCursorsRead.Add(since);
        return Pages(Deals.Values.OrderBy(d => d.ModifiedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray(), d => d.ModifiedAt, since, FailAfterDealPages, cancellationToken);
    }

    public Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        CustomerLookups++;
        return Task.FromResult(Customers.GetValueOrDefault(customerId));
    }

    private async IAsyncEnumerable<CrmPage<T>> Pages<T>(T[] all, Func<T, Instant> modified, CrmCursor? since, int? failAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mark = since?.ModifiedSince;
        var records = all.Where(r => mark is null || modified(r) >= mark).ToArray();
        var start = since?.Position is { } position ? int.Parse(position, CultureInfo.InvariantCulture) : 0;
        var pages = 0;
        for (; start < records.Length || (start == 0 && records.Length == 0); start += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (failAfter is { } limit && pages == limit)
            {
                throw new CrmException(CrmErrorReason.Unavailable, Name, null, null, "The CRM is unavailable.");
            }

            var page = records.Skip(start).Take(PageSize).ToArray();
            var end = start + page.Length;
            var next = end < records.Length
                ? new CrmCursor(mark, end.ToString(CultureInfo.InvariantCulture))
                : new CrmCursor(records.Length == 0 ? mark : records.Max(modified));
            pages++;
            yield return new CrmPage<T>(page, next);
            if (records.Length == 0)
            {
                break;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
