using System.Globalization;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.EInvoicing.Ubl;
using Invoicing.Pdf;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Demo;

/// <summary>The demo's steps, each printing what it did. The store is a SQLite file in the output folder.</summary>
internal sealed class DemoRun(CliContext context, string outputDirectory)
{
    private TextWriter Out => context.Out;

    private string DatabasePath => Path.Combine(outputDirectory, "invoicing.db");

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        PrepareOutputDirectory();
        var store = SqliteInvoiceStores.Open($"Data Source={DatabasePath}");
        await using var storeScope = (store as IAsyncDisposable ?? throw new InvalidOperationException("The SQLite store is disposable.")).ConfigureAwait(false);
        var service = new InvoicingService(store, context.Clock);
        var today = service.Today;

        await Out.WriteLineAsync($"Invoicing SDK demo, {today:yyyy-MM-dd}: store {DatabasePath}").ConfigureAwait(false);
        var issued = await IssueAsync(service, today, cancellationToken).ConfigureAwait(false);
        await SettleAsync(service, store, issued, cancellationToken).ConfigureAwait(false);
        await WriteDocumentsAsync(store, cancellationToken).ConfigureAwait(false);
        await Heading("4. Dunning: 60 days of the default policy (7 days before, due day, +3, +6, then weekly)").ConfigureAwait(false);
        var mail = Directory.CreateDirectory(Path.Combine(outputDirectory, "mail")).FullName;
        await DemoDunning.SimulateAsync(store, today, 60, mail, Out, cancellationToken).ConfigureAwait(false);
        return await VerifyArchiveAsync(cancellationToken).ConfigureAwait(false);
    }

    private void PrepareOutputDirectory()
    {
        Directory.CreateDirectory(outputDirectory);
        var mail = Path.Combine(outputDirectory, "mail");
        if (Directory.Exists(mail))
        {
            Directory.Delete(mail, recursive: true);
        }

        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task<IReadOnlyList<IssuedInvoice>> IssueAsync(InvoicingService service, LocalDate today, CancellationToken cancellationToken)
    {
        await Heading("1. Issue: validated, numbered in one transaction, chained into the archive").ConfigureAwait(false);
        var issued = new List<IssuedInvoice>();
        await Out.WriteLineAsync("  number        customer                       VAT        net        VAT      total  cur").ConfigureAwait(false);
        foreach (var draft in DemoInvoices.Create(today))
        {
            var invoice = await service.IssueAsync(draft, cancellationToken).ConfigureAwait(false);
            issued.Add(invoice);
            await Out.WriteLineAsync(Row(invoice)).ConfigureAwait(false);
        }

        return issued;
    }

    private async Task SettleAsync(InvoicingService service, IInvoiceStore store, IReadOnlyList<IssuedInvoice> issued, CancellationToken cancellationToken)
    {
        await Heading("2. Payments and credit notes change the balance, never the issued document").ConfigureAwait(false);
        var paid = issued[1];
        await service.RecordPaymentAsync(paid.Number, paid.Totals.AmountDue, PaymentMethod.CreditTransfer, reference: "SEPA-" + paid.Number, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync($"  {paid.Number}: paid in full by SEPA transfer").ConfigureAwait(false);

        var partial = issued[2];
        var half = partial.Document.Currency.Round(partial.Totals.AmountDue / 2);
        await service.RecordPaymentAsync(partial.Number, half, PaymentMethod.Card, reference: "CARD-" + partial.Number, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync(Invariant($"  {partial.Number}: {half:N2} paid by card")).ConfigureAwait(false);

        var corrected = issued[0];
        var credit = await service.CreditAsync(corrected.Number, [new CreditedLine("3", 1m)], "Un guide d'entretien retourné / One care guide returned", cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync(Invariant($"  {credit.Number}: credit note of {credit.Totals.AmountDue:N2} on {corrected.Number} (one line returned)")).ConfigureAwait(false);

        await Out.WriteLineAsync().ConfigureAwait(false);
        await Out.WriteLineAsync("  number        status          amount due    balance").ConfigureAwait(false);
        await foreach (var account in store.QueryAsync(InvoiceQuery.All, cancellationToken).ConfigureAwait(false))
        {
            if (!account.Invoice.Document.Type.IsCreditNote())
            {
                await Out.WriteLineAsync(Invariant($"  {account.Number,-13} {account.Status,-14} {account.AmountDue,11:N2} {account.Balance,10:N2}")).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteDocumentsAsync(IInvoiceStore store, CancellationToken cancellationToken)
    {
        await Heading("3. Documents: Factur-X PDF/A-3 (EN 16931 profile, factur-x.xml inside) and UBL").ConfigureAwait(false);
        var pdfDirectory = Directory.CreateDirectory(Path.Combine(outputDirectory, "pdf")).FullName;
        var ublDirectory = Directory.CreateDirectory(Path.Combine(outputDirectory, "ubl")).FullName;
        await foreach (var account in store.QueryAsync(InvoiceQuery.All, cancellationToken).ConfigureAwait(false))
        {
            var document = account.Invoice.Document;
            var pdf = Path.Combine(pdfDirectory, document.Number + ".pdf");
            await File.WriteAllBytesAsync(pdf, FacturXPdf.ToBytes(document, FacturXProfile.En16931), cancellationToken).ConfigureAwait(false);
            var ubl = Path.Combine(ublDirectory, document.Number + ".xml");
            await File.WriteAllBytesAsync(ubl, UblWriter.Write(document), cancellationToken).ConfigureAwait(false);
            await Out.WriteLineAsync($"  {document.Number,-13} {Path.GetRelativePath(outputDirectory, pdf),-26} {Path.GetRelativePath(outputDirectory, ubl)}").ConfigureAwait(false);
        }
    }

    private async Task<int> VerifyArchiveAsync(CancellationToken cancellationToken)
    {
        await Heading("Archive: the hash chain over every issued document").ConfigureAwait(false);
        var verification = await SqliteArchive.VerifyAsync(DatabasePath, cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync(verification.IsIntact
            ? $"  intact: {verification.DocumentsChecked} documents verified (invoicing archive verify --db {DatabasePath})"
            : $"  BROKEN at {verification.FirstBrokenNumber}: {verification.Reason}").ConfigureAwait(false);
        return verification.IsIntact ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private Task Heading(string title) => Out.WriteLineAsync(Environment.NewLine + title);

    private static string Row(IssuedInvoice invoice)
    {
        var vat = string.Join("+", invoice.Totals.VatBreakdown.Select(b => b.Rate is { } r && r != 0 ? Invariant($"{b.Category.Code()}{r:0.#}") : b.Category.Code()));
        var buyer = invoice.Document.Buyer.Name.Length > 30 ? invoice.Document.Buyer.Name[..29] + "." : invoice.Document.Buyer.Name;
        return Invariant($"  {invoice.Number,-13} {buyer,-30} {vat,-7} {invoice.Totals.TaxExclusiveAmount,10:N2} {invoice.Totals.VatTotal,10:N2} {invoice.Totals.AmountDue,10:N2}  {invoice.Document.Currency.Code}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
