using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Usage: Invoicing.Storage.CrashHost DATABASE_FILE [--issuers N]
//        Invoicing.Storage.CrashHost --postgres CONNECTION_STRING SCHEMA [--issuers N]
// Issues invoices in a loop (with a payment every 5th and a credit note every 7th) into a SQLite file or a PostgreSQL
// schema and prints one line per committed operation, until the parent kills the process. With --issuers N, N loops
// run at once on the same store. Exit code 2 on bad arguments.
var issuers = 1;
if (args is [.. var rest, "--issuers", var count])
{
    if (!int.TryParse(count, out issuers) || issuers < 1)
    {
        Console.Error.WriteLine("--issuers takes a positive number");
        return 2;
    }

    args = rest;
}

IInvoiceStore store;
if (args is ["--postgres", var connectionString, var schema])
{
    var services = new ServiceCollection();
    services.AddInvoicing().UsePostgreSql(connectionString, schema);
    store = services.BuildServiceProvider().GetRequiredService<IInvoiceStore>();
}
else if (args is [var file] && !file.StartsWith("--", StringComparison.Ordinal))
{
    store = SqliteInvoiceStores.Open($"Data Source={file}");
}
else
{
    Console.Error.WriteLine("usage: Invoicing.Storage.CrashHost DATABASE_FILE | --postgres CONNECTION_STRING SCHEMA [--issuers N]");
    return 2;
}

var issueDate = new LocalDate(2026, 11, 2);
var at = Instant.FromUtc(2026, 11, 2, 9, 0);
var draft = new Invoice
{
    IssueDate = issueDate,
    DueDate = issueDate.PlusDays(30),
    Currency = Currency.Eur,
    Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782") },
    Buyer = new Party { Name = "Boulangerie Dupont", LegalId = Identifier.Siren("987654324") },
    Lines =
    [
        new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 2, NetPrice = 189.90m, VatCategory = VatCategory.S, VatRate = 20m },
        new InvoiceLine { Id = "2", ItemName = "Livre", Quantity = 1, NetPrice = 14.20m, VatCategory = VatCategory.S, VatRate = 5.5m },
    ],
};

var output = new object();
void Report(string line)
{
    lock (output)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

Report("ready");
await Task.WhenAll(Enumerable.Range(0, issuers).Select(issuer => Task.Run(async () =>
{
    for (var i = 1; ; i++)
    {
        var draftId = await store.SaveDraftAsync(draft);
        var issued = await store.IssueAsync(new IssueRequest { Document = draft, Series = NumberSeries.DefaultInvoices, IssuedAt = at.Plus(Duration.FromMilliseconds(i)), DraftId = draftId });
        Report($"issued {issued.Number}");
        if (i % 5 == 0)
        {
            await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), issued.Number, issueDate, 10m, PaymentMethod.CreditTransfer));
            Report($"paid {issued.Number}");
        }

        if (i % 7 == 0)
        {
            var credit = await store.IssueAsync(new IssueRequest { Document = CreditNotes.Partial(issued, issueDate, [new CreditedLine("2", 1)]), Series = NumberSeries.DefaultCreditNotes, IssuedAt = at.Plus(Duration.FromMilliseconds(i)) });
            Report($"issued {credit.Number}");
        }
    }
})));
return 0;
