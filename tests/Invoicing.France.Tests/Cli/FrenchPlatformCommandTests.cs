using Invoicing.Cli;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.France.Tests.Platform;
using Invoicing.France.Tests.Receiving;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.France.Tests.Cli;

/// <summary><c>invoicing fr send|status|receive|directory</c> against the fake platform, on a SQLite store file.</summary>
public sealed class FrenchPlatformCommandTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"fr-cli-{Guid.NewGuid():N}.db");
    private IssuedInvoice _invoice = null!;
    private string _number = null!;

    public async Task InitializeAsync()
    {
        _platform.Lines.Add(new DirectoryLineRow("732829320_AP", "732829320"));
        var store = SqliteInvoiceStores.Open($"Data Source={_database}");
        _invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: "732829320")));
        _number = _invoice.Number;
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    public Task DisposeAsync()
    {
        _platform.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Send_ThenAgain_SentOnceThenAlreadySent()
    {
        var (code, output, _) = await RunAsync("fr", "send", _number, "--db", _database);
        var (again, secondOutput, _) = await RunAsync("fr", "send", _number, "--db", _database);

        Assert.Equal(0, code);
        Assert.StartsWith($"{_number} sent: sent, flow ", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("already sent", secondOutput, StringComparison.Ordinal);
        Assert.Single(_platform.Flows);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task Status_AfterSend_AcknowledgedByThePlatform()
    {
        await RunAsync("fr", "send", _number, "--db", _database);

        var (code, output, _) = await RunAsync("fr", "status", _number, "--db", _database);
        var (_, never, _) = await RunAsync("fr", "status", "F2099-00001", "--db", _database);

        Assert.Equal(0, code);
        Assert.Contains("acknowledged by the platform", output, StringComparison.Ordinal);
        Assert.Contains("never sent", never, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_StatusesAndSupplierInvoices_AppliedAndStoredOnceThenListedByStatus()
    {
        await RunAsync("fr", "send", _number, "--db", _database);
        _platform.Deliver("cdar-1.xml", "CDAR", Status(LifecycleStatus.Disputed), type: "CustomerInvoiceLC");
        _platform.Deliver("cdar-2.xml", "CDAR", Status(LifecycleStatus.Cashed), type: "CustomerInvoiceLC");
        var broken = _platform.Deliver("cdar-3.xml", "CDAR", "<x/>"u8.ToArray(), type: "CustomerInvoiceLC");
        var supplier = _platform.Deliver("SUP-2026-0001.xml", "CII", CiiWriter.ToBytes(SupplierInvoiceReceiverTests.SupplierInvoice()));

        var (code, output, _) = await RunAsync("fr", "receive", "--db", _database);
        var (again, secondOutput, _) = await RunAsync("fr", "receive", "--db", _database);
        var (_, status, _) = await RunAsync("fr", "status", _number, "--db", _database);

        Assert.Equal(0, code);
        Assert.Contains($"{_number} status 207 {LifecycleStatuses.FrenchName(LifecycleStatus.Disputed)}: reminders paused\n", output, StringComparison.Ordinal);
        Assert.Contains($"{_number} status 212 {LifecycleStatuses.FrenchName(LifecycleStatus.Cashed)}: payment recorded\n", output, StringComparison.Ordinal);
        Assert.Contains($"status flow {broken.FlowId} not read: FR-STATUS-UNREADABLE", output, StringComparison.Ordinal);
        Assert.Contains($"supplier invoices: 1 stored, 0 already stored, 0 refused\n  stored flow {supplier.FlowId}\n", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("payment recorded (already applied)", secondOutput, StringComparison.Ordinal);
        Assert.Contains("supplier invoices: 0 stored, 1 already stored, 0 refused", secondOutput, StringComparison.Ordinal);
        Assert.Contains("  status 207 ", status, StringComparison.Ordinal);
        Assert.Contains($"  status 212 {LifecycleStatuses.FrenchName(LifecycleStatus.Cashed)} on ", status, StringComparison.Ordinal);
        Assert.Equal(2, status.Split('\n').Count(line => line.StartsWith("  status ", StringComparison.Ordinal)));
        var store = SqliteInvoiceStores.Open($"Data Source={_database}");
        await using var close = ((IAsyncDisposable)store).ConfigureAwait(false);
        Assert.Equal(_invoice.Totals.AmountDue, Assert.Single((await store.GetAccountAsync(_number))!.Payments).Amount);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task Status_RejectedByTheBuyer_ListsTheReason()
    {
        await RunAsync("fr", "send", _number, "--db", _database);
        _platform.Deliver("cdar-1.xml", "CDAR", Status(LifecycleStatus.Refused, new StatusReason("NON_CONFORME", "Commande inconnue")), type: "CustomerInvoiceLC");
        await RunAsync("fr", "receive", "--db", _database);

        var (code, output, _) = await RunAsync("fr", "status", _number, "--db", _database);

        Assert.Equal(0, code);
        Assert.Contains($"  status 210 {LifecycleStatuses.FrenchName(LifecycleStatus.Refused)} on ", output, StringComparison.Ordinal);
        Assert.Contains(": NON_CONFORME: Commande inconnue", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_NoPlatformSettings_ExitTwoNamingThem()
    {
        var (code, _, error) = await RunWithoutSettingsAsync("fr", "receive", "--db", _database);

        Assert.Equal(2, code);
        Assert.Contains("FlowServiceUrl", error, StringComparison.Ordinal);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task Send_Rejected_ExitOneWithTheReason()
    {
        _platform.FailNext(422, operation: "createFlow");

        var (code, _, error) = await RunAsync("fr", "send", _number, "--db", _database);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: The platform 'default' rejected the invoice {_number}: RESOURCE_ERROR", error, StringComparison.Ordinal);
        Assert.Contains("credit note", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_KnownAndUnknown_RouteOrTypedError()
    {
        var (code, output, _) = await RunAsync("fr", "directory", "732829320");
        var (missing, _, error) = await RunAsync("fr", "directory", "552100554");
        var (malformed, _, invalid) = await RunAsync("fr", "directory", "12345");

        Assert.Equal(0, code);
        Assert.Contains("Buyer 732829320", output, StringComparison.Ordinal);
        Assert.Contains("invoices go to 732829320_AP", output, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Contains("no address in force", error, StringComparison.Ordinal);
        Assert.Equal(1, malformed);
        Assert.Contains("PA-SIREN", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NoPlatformSettings_ExitTwoNamingThem()
    {
        var (code, _, error) = await RunWithoutSettingsAsync("fr", "send", _number, "--db", _database);

        Assert.Equal(2, code);
        Assert.Contains("FlowServiceUrl", error, StringComparison.Ordinal);
        Assert.Contains("ClientId", error, StringComparison.Ordinal);
        Assert.Empty(_platform.Requests);
    }

    /// <summary>A status message from the sample, about the invoice of the test (cashed for what it is due).</summary>
    private byte[] Status(LifecycleStatus status, params StatusReason[] reasons)
    {
        var message = CdarSamples.For(status, reasons);
        var report = message.Reports[0] with { InvoiceNumber = _number };
        if (status == LifecycleStatus.Cashed)
        {
            report = report with { Amounts = [new StatusAmount(StatusAmountTypes.Cashed, _invoice.Totals.AmountDue, Currency.Eur, 20m)] };
        }

        return CdarWriter.ToBytes(message with { Reports = [report] });
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunWithoutSettingsAsync(
    [
        .. args,
        "--flow-url", _platform.FlowUrl.AbsoluteUri,
        "--directory-url", _platform.DirectoryUrl.AbsoluteUri,
        "--token-url", _platform.TokenUrl.AbsoluteUri,
        "--client-id", FakePlatform.ClientId,
        "--client-secret", FakePlatform.ClientSecret,
    ]);

    private static async Task<(int Code, string Output, string Error)> RunWithoutSettingsAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2026, 12, 1, 9, 0))));
        return (code, output.ToString(), error.ToString());
    }
}
