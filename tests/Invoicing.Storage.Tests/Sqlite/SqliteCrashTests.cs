using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Crash;
using Xunit.Abstractions;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>A child process issuing into a SQLite file is killed with SIGKILL at random moments, 20 times (see <see cref="CrashRounds"/>).</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public Task IssueLoop_KilledTwentyTimes_NoGapNothingLostArchiveVerifies() =>
        CrashRounds.RunAsync([_database.Path], () => SqliteInvoiceStores.Open(_database.ConnectionString), rounds: 20, output);

    /// <summary>Eight loops on one store, so kills land while issues wait for the write lock.</summary>
    [Fact]
    public Task IssueLoop_EightIssuersKilledTwentyTimes_NoGapNothingLostArchiveVerifies() =>
        CrashRounds.RunAsync([_database.Path, "--issuers", "8"], () => SqliteInvoiceStores.Open(_database.ConnectionString), rounds: 20, output);
}
