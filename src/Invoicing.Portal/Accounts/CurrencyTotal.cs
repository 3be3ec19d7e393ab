using Invoicing.Core;

namespace Invoicing.Portal.Accounts;

/// <summary>What a customer owes in one currency, and how much of it is overdue.</summary>
internal sealed record CurrencyTotal(Currency Currency, decimal Due, decimal Overdue)
{
    /// <summary>The totals per currency of the invoices in <paramref name="documents"/>, ordered by currency code. Pure.</summary>
    public static IReadOnlyList<CurrencyTotal> Of(IEnumerable<PortalDocument> documents) =>
        [.. documents
            .Where(d => !d.IsCreditNote)
            .GroupBy(d => d.Currency)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(d => d.Balance), g.Where(d => d.Status == PortalStatus.Overdue).Sum(d => d.Balance)))
            .OrderBy(t => t.Currency.Code, StringComparer.Ordinal)];
}
