using Invoicing.Cli;
using Invoicing.France.Tests.Platform;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.France.Tests.Cli;

/// <summary><c>invoicing fr send|status|directory</c> against the fake platform, on a SQLite store file.</summary>
public sealed class FrenchPlatformCommandTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"fr-cli-{Guid.NewGuid():N}.db");
    private string _number = null!;

    public async Task InitializeAsync()
    {
        _platform.Lines.Add(new DirectoryLineRow("732829320_AP", "732829320"));
        var store = SqliteInvoiceStores.Open($"Data Source={_database}");
        _number = (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: "732829320")))).Number;
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
