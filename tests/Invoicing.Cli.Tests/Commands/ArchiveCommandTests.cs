using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Tests.Commands;

public sealed class ArchiveCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-cli-archive-").FullName;

    private string Database => Path.Combine(_folder, "invoices.db");

    public async Task InitializeAsync()
    {
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        var date = new LocalDate(2026, 11, 2);
        var invoice = new Invoice
        {
            IssueDate = date,
            Currency = Currency.Eur,
            Seller = new Party { Name = "Atelier Lumière SAS" },
            Buyer = new Party { Name = "Boulangerie Dupont" },
            Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = 100m, VatCategory = VatCategory.S, VatRate = 20m }],
        };
        for (var i = 0; i < 3; i++)
        {
            await store.IssueAsync(new IssueRequest { Document = invoice, Series = NumberSeries.DefaultInvoices, IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0) });
        }

        await ((IAsyncDisposable)store).DisposeAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Verify_IntactArchive_Exit0WithCount()
    {
        var result = await CliRunner.RunAsync("archive", "verify", "--db", Database);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("archive intact: 3 documents checked", Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task Verify_AlteredDocument_Exit1NamingItsNumber()
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER issued_documents_no_update; UPDATE issued_documents SET document_json = replace(document_json, 'Dupont', 'Durand') WHERE number = 'F2026-00002'";
            command.ExecuteNonQuery();
        }

        var result = await CliRunner.RunAsync("archive", "verify", "--db", Database);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("archive broken at F2026-00002:", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CounterKeyChangedByHand_Exit1NamingTheRowAndTheColumn()
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER issued_documents_no_update; UPDATE issued_documents SET counter_key = 'invoices' WHERE number = 'F2026-00002'";
            command.ExecuteNonQuery();
        }

        var result = await CliRunner.RunAsync("archive", "verify", "--db", Database);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutLines);
        Assert.StartsWith("archive broken at F2026-00002:", line, StringComparison.Ordinal);
        Assert.Contains("counter_key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFile_Exit2OneLineAndNoFileCreated()
    {
        var missing = Path.Combine(_folder, "missing.db");

        var result = await CliRunner.RunAsync("archive", "verify", "--db", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Verify_NotADatabase_Exit2()
    {
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, new string('x', 4096));

        var result = await CliRunner.RunAsync("archive", "verify", "--db", text);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoDbOption_Exit2()
    {
        var result = await CliRunner.RunAsync("archive", "verify");

        Assert.Equal(2, result.ExitCode);
    }
}
