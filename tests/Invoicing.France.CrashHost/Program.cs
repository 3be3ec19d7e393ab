using Invoicing.Core;
using Invoicing.France;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

// Usage: Invoicing.France.CrashHost DATABASE_FILE NUMBERS_FILE PLATFORM_URL MODE
// Sends every invoice of NUMBERS_FILE (one number a line) from the SQLite store to the platform at PLATFORM_URL
// (/flow-service, /directory-service, /auth/token) until each is sent, printing "ready" first, "submitted NUMBER" when
// the platform took a flow and before it is recorded, "recorded NUMBER" after, and "done" at the end. MODE "pause"
// records one flow, then stops at the next "submitted" and waits there to be killed; "run" goes on. Exit code 2 on
// bad arguments.
if (args.Length != 4 || args[3] is not ("pause" or "run"))
{
    Console.Error.WriteLine("usage: Invoicing.France.CrashHost DATABASE_FILE NUMBERS_FILE PLATFORM_URL pause|run");
    return 2;
}

var platform = args[2].TrimEnd('/');
var services = new ServiceCollection();
services.AddInvoicing().UseSqlite($"Data Source={args[0]}");
services.AddFrenchPlatform(o =>
{
    o.PlatformName = "pa-crash";
    o.FlowServiceUrl = new Uri(platform + "/flow-service");
    o.DirectoryServiceUrl = new Uri(platform + "/directory-service");
    o.TokenUrl = new Uri(platform + "/auth/token");
    o.ClientId = "invoicing-client";
    o.ClientSecret = "s3cret-of-the-client";
    o.InvoiceSyntax = FlowSyntax.Cii;
    o.RetryDelay = TimeSpan.FromMilliseconds(50);

    // Short, so the run after a kill takes the dead claims over within the test.
    o.SendClaimTimeout = TimeSpan.FromSeconds(2);
});
services.Replace(ServiceDescriptor.Singleton<IOutgoingFlowStore>(provider => new AnnouncingFlowStore(
    SqliteInvoiceStores.OpenOutgoingFlowStore(provider.GetRequiredService<IInvoiceStore>()),
    pause: args[3] == "pause")));

await using var provider = services.BuildServiceProvider();
var sender = provider.GetRequiredService<IFrenchPlatformSender>();
var pending = new Queue<string>(File.ReadAllLines(args[1]).Where(l => l.Length > 0));
Console.Out.WriteLine("ready");
Console.Out.Flush();
while (pending.TryDequeue(out var number))
{
    var result = await sender.SendAsync(number);
    if (result.Outcome == PlatformSendOutcome.InProgressElsewhere)
    {
        // A claim left by a killed run: its lease ends soon, then this run takes it over.
        pending.Enqueue(number);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
    }
}

Console.Out.WriteLine("done");
Console.Out.Flush();
return 0;

/// <summary>The SQLite flow store, announcing the moment between the platform taking a flow and its record.</summary>
internal sealed class AnnouncingFlowStore(IOutgoingFlowStore inner, bool pause) : IOutgoingFlowStore
{
    private int _recordings;

    public Task<OutgoingFlowClaim> TryClaimAsync(OutgoingFlowClaimRequest request, CancellationToken cancellationToken = default) => inner.TryClaimAsync(request, cancellationToken);

    public async Task<bool> MarkSentAsync(string invoiceNumber, string platform, string workerId, string flowId, Instant sentAt, CancellationToken cancellationToken = default)
    {
        Console.Out.WriteLine("submitted " + invoiceNumber);
        Console.Out.Flush();
        if (pause && Interlocked.Increment(ref _recordings) > 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var recorded = await inner.MarkSentAsync(invoiceNumber, platform, workerId, flowId, sentAt, cancellationToken);
        Console.Out.WriteLine("recorded " + invoiceNumber);
        Console.Out.Flush();
        return recorded;
    }

    public Task<bool> MarkFailedAsync(string invoiceNumber, string platform, string workerId, string reason, Instant retryAt, CancellationToken cancellationToken = default) => inner.MarkFailedAsync(invoiceNumber, platform, workerId, reason, retryAt, cancellationToken);

    public Task<bool> RecordAcknowledgementAsync(string invoiceNumber, string platform, bool accepted, string? reason, Instant at, CancellationToken cancellationToken = default) => inner.RecordAcknowledgementAsync(invoiceNumber, platform, accepted, reason, at, cancellationToken);

    public Task<OutgoingFlow?> GetAsync(string invoiceNumber, string platform, CancellationToken cancellationToken = default) => inner.GetAsync(invoiceNumber, platform, cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.ListByInvoiceAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListAsync(string platform, OutgoingFlowState state, CancellationToken cancellationToken = default) => inner.ListAsync(platform, state, cancellationToken);
}
