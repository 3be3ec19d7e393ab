namespace Invoicing.Crm;

/// <summary>One page of a source's records, with the cursor that resumes right after it.</summary>
/// <typeparam name="T"><see cref="CrmCustomer"/> or <see cref="CrmDeal"/>.</typeparam>
public sealed record CrmPage<T>
{
    /// <summary>Creates a page.</summary>
    public CrmPage(IReadOnlyList<T> items, CrmCursor next)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        Items = items;
        Next = next;
    }

    /// <summary>The records of the page, in the source's order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// Where to resume after this page: within the source's paging while pages remain (a position), and on the last
    /// page the modified-since mark for the next run (no position).
    /// </summary>
    public CrmCursor Next { get; }
}
