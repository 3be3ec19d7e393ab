using System.Globalization;
using Invoicing.Core;
using Invoicing.Events;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Usage: Invoicing.Events.CrashHost sqlite DATABASE_FILE | postgres CONNECTION_STRING SCHEMA, then LOG_DIR MODE
// MODE "work": changes invoices in a loop (issue, payments, credit notes, write-offs, sent, viewed, overdue scans),
// printing "committed KIND NUMBER" once each change is committed, while the dispatcher delivers the events to two
// handlers that append "POSITION ID" to LOG_DIR/HANDLER.log before returning; runs until killed.
// MODE "drain": makes no change, delivers until every handler's cursor is at the last event, prints "drained" and exits 0.
// Exit code 2 on bad arguments.
var postgres = args.Length == 5 && args[0] == "postgres";
if (!postgres && !(args.Length == 4 && args[0] == "sqlite"))
{
    Console.Error.WriteLine("usage: Invoicing.Events.CrashHost sqlite DATABASE_FILE | postgres CONNECTION_STRING SCHEMA, then LOG_DIR work|drain");
    return 2;
}

var rest = args[(postgres ? 3 : 2)..];
var logDirectory = rest[0];
var drain = rest[1] == "drain";
var clock = new OffsetClock(Instant.FromUtc(2026, 12, 1, 8, 0));
var services = new ServiceCollection();
services.AddSingleton<IClock>(clock);
var invoicing = services.AddInvoicing();
if (postgres)
{
    invoicing.UsePostgreSql(args[1], args[2]);
}
else
{
    invoicing.UseSqlite($"Data Source={args[1]}");
}

invoicing.AddInvoiceEvents(o =>
{
    // One worker name across restarts: a killed run's lease is this run's own, taken back at once.
    o.WorkerId = "crash-host";
    o.RunInBackground = false;
    o.BatchSize = 7;
    o.RetryInitialDelay = TimeSpan.FromMilliseconds(20);
    o.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
});
services.AddSingleton<IInvoiceEventHandler>(new LoggingHandler("ledger", logDirectory, failEvery: 0));
services.AddSingleton<IInvoiceEventHandler>(new LoggingHandler("flaky", logDirectory, failEvery: 4));

await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IInvoiceStore>();
var events = provider.GetRequiredService<IInvoiceEventStore>();
var dispatcher = provider.GetRequiredService<IInvoiceEventDispatcher>();
Console.Out.WriteLine("ready");
Console.Out.Flush();

if (drain)
{
    while (true)
    {
        await dispatcher.DispatchOnceAsync();
        var last = await LastPositionAsync(events);
        if (await events.GetCursorAsync("ledger") == last && await events.GetCursorAsync("flaky") == last)
        {
            break;
        }

        await Task.Delay(10);
    }

    Console.Out.WriteLine("drained");
    Console.Out.Flush();
    return 0;
}

using var stop = new CancellationTokenSource();
var delivering = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        await dispatcher.DispatchOnceAsync();
        await Task.Delay(5);
    }
});

for (var i = 1; ; i++)
{
    var issued = await store.IssueAsync(new IssueRequest { Document = Draft(), Series = NumberSeries.DefaultInvoices, IssuedAt = clock.GetCurrentInstant() });
    Committed("issued", issued.Number);
    await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), issued.Number, new LocalDate(2026, 11, 20), 50m, PaymentMethod.CreditTransfer));
    Committed("partly_paid", issued.Number);
    await events.RecordSentAsync(issued.Number, clock.GetCurrentInstant(), "email");
    Committed("sent", issued.Number);
    switch (i % 4)
    {
        case 0:
            await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), issued.Number, new LocalDate(2026, 11, 25), 70m, PaymentMethod.CreditTransfer));
            Committed("paid", issued.Number);
            break;
        case 1:
            await store.WriteOffAsync(new WriteOff(issued.Number, new LocalDate(2026, 11, 30), "Customer in liquidation"));
            Committed("written_off", issued.Number);
            break;
        case 2:
            var credit = await store.IssueAsync(new IssueRequest { Document = CreditNotes.Full(issued, new LocalDate(2026, 11, 2)), Series = NumberSeries.DefaultCreditNotes, IssuedAt = clock.GetCurrentInstant() });
            Committed("issued", credit.Number);
            Committed("credited", issued.Number);
            break;
        default:
            await events.RecordViewedAsync(issued.Number, clock.GetCurrentInstant(), "portal");
            Committed("viewed", issued.Number);
            var overdue = await events.RecordOverdueAsync(new LocalDate(2026, 12, 1));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overdue {overdue}"));
            Console.Out.Flush();
            break;
    }
}

static void Committed(string kind, string number)
{
    Console.Out.WriteLine($"committed {kind} {number}");
    Console.Out.Flush();
}

static async Task<long> LastPositionAsync(IInvoiceEventStore events)
{
    long last = 0;
    while (true)
    {
        var batch = await events.ReadEventsAsync(last, 1000);
        if (batch.Count == 0)
        {
            return last;
        }

        last = batch[^1].Position;
    }
}

static Invoice Draft() => new()
{
    IssueDate = new LocalDate(2026, 11, 2),
    DueDate = new LocalDate(2026, 11, 12),
    Currency = Currency.Eur,
    Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
    Buyer = new Party { Name = "Client", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
    Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = 100m, VatCategory = VatCategory.S, VatRate = 20m }],
};

/// <summary>The test's calendar: a fixed start, moving with the machine's clock so retry delays pass.</summary>
internal sealed class OffsetClock(Instant start) : IClock
{
    private readonly long _origin = TimeProvider.System.GetTimestamp();

    public Instant GetCurrentInstant() => start.Plus(Duration.FromTimeSpan(TimeProvider.System.GetElapsedTime(_origin)));
}

/// <summary>
/// Appends "POSITION ID" to its log before returning, so a line exists for every event whose cursor moved; throws on the
/// first attempt at every <c>failEvery</c>-th position (the dispatcher must deliver it again).
/// </summary>
internal sealed class LoggingHandler(string name, string directory, int failEvery) : IInvoiceEventHandler
{
    private readonly HashSet<long> _failedOnce = [];

    public string Name { get; } = name;

    public async Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        if (failEvery > 0 && invoiceEvent.Position % failEvery == 0 && _failedOnce.Add(invoiceEvent.Position))
        {
            throw new InvalidOperationException("The ledger is down.");
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{invoiceEvent.Position} {invoiceEvent.Id:D} {InvoiceEventKinds.Name(invoiceEvent.Kind)} {invoiceEvent.InvoiceNumber}\n");
        var file = new FileStream(Path.Combine(directory, Name + ".log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
