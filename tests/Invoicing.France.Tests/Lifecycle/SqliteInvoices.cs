using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.France.Tests;

/// <summary>A fresh SQLite file with the French sample invoice issued in it (two VAT rates, seller and buyer by SIREN).</summary>
internal sealed class SqliteInvoices : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "fr-status-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteInvoices()
    {
        Store = SqliteInvoiceStores.Open("Data Source=" + _path);
        Events = SqliteInvoiceStores.OpenEventStore(Store);
        Dunning = SqliteInvoiceStores.OpenDunningSettingsStore(Store);
        Received = SqliteInvoiceStores.OpenReceivedDocumentStore(Store);
    }

    public IInvoiceStore Store { get; }

    public IInvoiceEventStore Events { get; }

    public IDunningSettingsStore Dunning { get; }

    public IReceivedDocumentStore Received { get; }

    public string ConnectionString => "Data Source=" + _path;

    public static Invoice Sample() => InvoiceJson.Deserialize(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "samples", "invoices", "fr-domestic.json")));

    public Task<IssuedInvoice> IssueAsync() =>
        Store.IssueAsync(new IssueRequest { Document = Sample(), Series = NumberSeries.DefaultInvoices, IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0) });

    public async Task<IReadOnlyList<InvoiceEvent>> EventsAsync() => await Events.ReadEventsAsync(0, 1000);

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncDisposable)Store).DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
