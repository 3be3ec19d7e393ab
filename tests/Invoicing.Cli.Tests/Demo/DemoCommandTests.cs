using Invoicing.Core;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Cli.Tests.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "invoicing-demo-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Demo_FreshFolder_IssuesPaysCreditsAndLeavesAnIntactArchive()
    {
        var result = await CliRunner.RunAsync("demo", "--out", _directory);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("F2026-00001", result.Out, StringComparison.Ordinal);
        Assert.Contains("AV2026-00001", result.Out, StringComparison.Ordinal);
        Assert.Contains("intact: 6 documents verified", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "pdf", "F2026-00001.pdf")));
        Assert.True(File.Exists(Path.Combine(_directory, "ubl", "F2026-00001.xml")));
        var mails = Directory.GetFiles(Path.Combine(_directory, "mail"), "*.eml");
        Assert.NotEmpty(mails);
        Assert.Contains($"{mails.Length} reminders in 60 days", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => File.ReadAllText(m).Contains("F2026-00002", StringComparison.Ordinal)); // paid in full: never reminded

        var store = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_directory, "invoicing.db")}");
        await using var scope = (IAsyncDisposable)store;
        var paid = await store.GetAccountAsync("F2026-00002");
        Assert.Equal(InvoiceStatus.Paid, paid!.Status);
        var credited = await store.GetAccountAsync("F2026-00001");
        Assert.Single(credited!.Credits);
    }

    [Fact]
    public async Task Demo_RunTwice_StartsAgainFromTheFirstNumber()
    {
        await CliRunner.RunAsync("demo", "--out", _directory);
        var second = await CliRunner.RunAsync("demo", "--out", _directory);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("F2026-00001", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("F2026-00006", second.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
