using Invoicing.Cli.Demo;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Samples.Portal;

/// <summary>
/// The sample's invoices, built from the command-line demo's seller and customers: the demo customer (Boulangerie
/// Dupont &amp; Fils) has an overdue, a paid, a partly paid, a credited and an open invoice with its credit note; the
/// other customers one open invoice each, so a portal link of one customer visibly shows none of theirs.
/// </summary>
public static class PortalDemoData
{
    /// <summary>
    /// Issues the demo invoices unless the store has some already. Returns the demo customer's key, and the number of
    /// their open invoice of today when it was just issued (null when the store was seeded before).
    /// </summary>
    /// <param name="service">The invoicing service over the store.</param>
    /// <param name="store">The store, to see whether it is seeded.</param>
    /// <param name="extraOpenInvoices">More open invoices for the demo customer (the load benchmark's long list).</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    public static async Task<(string CustomerKey, string? NewOpenInvoice)> SeedAsync(InvoicingService service, IInvoiceStore store, int extraOpenInvoices = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        var today = service.Today;
        var invoices = DemoInvoices.Create(today);
        var demo = invoices[0];
        await foreach (var _ in store.QueryAsync(InvoiceQuery.All, cancellationToken).ConfigureAwait(false))
        {
            return (demo.CustomerKey, null);
        }

        // Oldest first: numbers follow issue dates.
        await IssueAsync(service, demo, today.PlusDays(-45), cancellationToken).ConfigureAwait(false);
        var paid = await IssueAsync(service, demo, today.PlusDays(-40), cancellationToken).ConfigureAwait(false);
        await service.RecordPaymentAsync(paid.Number, paid.Totals.AmountDue, PaymentMethod.CreditTransfer, reference: "SEPA-" + paid.Number, date: today.PlusDays(-12), cancellationToken: cancellationToken).ConfigureAwait(false);
        var partial = await IssueAsync(service, demo, today.PlusDays(-20), cancellationToken).ConfigureAwait(false);
        await service.RecordPaymentAsync(partial.Number, partial.Document.Currency.Round(partial.Totals.AmountDue / 3), PaymentMethod.Card, reference: "CARD-" + partial.Number, cancellationToken: cancellationToken).ConfigureAwait(false);
        var credited = await IssueAsync(service, demo, today.PlusDays(-5), cancellationToken).ConfigureAwait(false);
        await service.CreditAsync(credited.Number, [new CreditedLine("3", 1m)], "Un guide d'entretien retourné", cancellationToken).ConfigureAwait(false);
        var open = await service.IssueAsync(demo, cancellationToken).ConfigureAwait(false);
        foreach (var invoice in invoices.Skip(1))
        {
            await service.IssueAsync(invoice, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < extraOpenInvoices; i++)
        {
            await service.IssueAsync(demo, cancellationToken).ConfigureAwait(false);
        }

        return (demo.CustomerKey, open.Number);
    }

    private static Task<IssuedInvoice> IssueAsync(InvoicingService service, Invoice invoice, LocalDate issueDate, CancellationToken cancellationToken) =>
        service.IssueAsync(invoice with { IssueDate = issueDate, DueDate = issueDate.PlusDays(30) }, cancellationToken);
}
