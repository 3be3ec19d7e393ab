using Invoicing.Crm.Connectors.Tests.Support;

namespace Invoicing.Cli.Tests.Commands;

/// <summary>
/// <c>invoicing crm sync --source hubspot|salesforce|zoho</c> against the fake CRM answering with each CRM's documented
/// JSON: the dry run prints the table and writes nothing, a real run writes the drafts once, and a token the CRM
/// refuses, with no refresh token to try, is a typed error naming the source.
/// </summary>
public sealed class CrmConnectorCommandTests : IDisposable
{
    private readonly FakeCrm _crm = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("crm-connector-cli-");
    private readonly string _template = Path.Combine(TestPaths.RepositoryRoot, "tests", "Invoicing.Cli.Tests", "Data", "crm", "template.json");

    private string Db => Path.Combine(_directory.FullName, "invoices.db");

    public void Dispose()
    {
        _crm.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task Sync_DryRunThenTwice_PrintsTheTableWritesNothingThenDraftsOnce(ConnectorCase connector)
    {
        connector.StubAll(_crm);

        var dryRun = await Sync(connector, "--dry-run");
        var fileAfterDryRun = File.Exists(Db);
        var first = await Sync(connector);
        var second = await Sync(connector);

        Assert.Equal(1, dryRun.ExitCode);
        Assert.False(fileAfterDryRun, "a dry run against a store not made yet makes none");
        Assert.Equal(connector.DealCount - 1, dryRun.OutLines.Count(line => line.StartsWith("would create", StringComparison.Ordinal) && line.Contains("Boulangerie Dupont & Fils", StringComparison.Ordinal)));
        Assert.Contains(dryRun.OutLines, line => line.StartsWith("held", StringComparison.Ordinal) && line.Contains("customer.siren", StringComparison.Ordinal));
        Assert.Equal($"{connector.Name}: would create 5, would update 0, held 1, reported 0, unchanged 0, not won 0 (dry run: nothing written)", dryRun.OutLines[^1]);
        Assert.Equal($"{connector.Name}: created 5, updated 0, held 1, reported 0, unchanged 0, not won 0", first.OutLines[^1]);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains($"{connector.Name}: created 0, updated 0,", second.OutLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task Sync_401WithoutRefreshToken_FailsAsBadInputNamingTheSourceAndWritesNoDraft(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(_crm.Fixture(connector.Folder, "unauthorized.json"), 401));

        var refused = await Sync(connector);
        _crm.Server.ResetMappings();
        connector.StubAll(_crm);
        var after = await Sync(connector);

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith($"error: {connector.Name}: ", refused.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("no refresh token", refused.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(refused.Out);
        Assert.DoesNotContain(_crm.Log, entry => entry.RequestMessage.Path == connector.TokenPath);
        Assert.Equal($"{connector.Name}: created 5, updated 0, held 1, reported 0, unchanged 0, not won 0", after.OutLines[^1]);
    }

    private Task<CliResult> Sync(ConnectorCase connector, params string[] extra)
        => CliRunner.RunAsync(
        [
            "crm", "sync", "--source", connector.Name, "--db", Db, "--template", _template,
            "--base-url", _crm.Url, "--token", "fresh-token", "--token-url", _crm.Url + connector.TokenPath, .. extra,
        ]);
}
