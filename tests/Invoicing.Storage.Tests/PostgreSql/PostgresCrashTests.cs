using Invoicing.Storage.Tests.Crash;
using Xunit.Abstractions;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>
/// A child process issuing into a PostgreSQL schema is killed with SIGKILL at random moments, 20 times (see
/// <see cref="CrashRounds"/>): the server rolls back the transaction the dead connection left open, so no number is
/// lost or taken twice.
/// </summary>
public sealed class PostgresCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public Task IssueLoop_KilledTwentyTimes_NoGapNothingLostArchiveVerifies() =>
        CrashRounds.RunAsync(["--postgres", PostgresTestDatabase.ConnectionString, _schema], () => PostgresTestDatabase.CreateStore(_schema), rounds: 20, output);

    /// <summary>Eight loops on one store, so kills land while batches of several issues are at the server.</summary>
    [Fact]
    public Task IssueLoop_EightIssuersKilledTwentyTimes_NoGapNothingLostArchiveVerifies() =>
        CrashRounds.RunAsync(["--postgres", PostgresTestDatabase.ConnectionString, _schema, "--issuers", "8"], () => PostgresTestDatabase.CreateStore(_schema), rounds: 20, output);
}
