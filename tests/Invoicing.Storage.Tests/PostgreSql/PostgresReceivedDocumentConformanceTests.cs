using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The received-document suite against PostgreSQL, in a schema of its own; a second pool on the schema is another host.</summary>
public sealed class PostgresReceivedDocumentConformanceTests : ReceivedDocumentConformanceTests
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private readonly List<PostgreSqlInvoiceStore> _stores = [];

    protected override Task<IReceivedDocumentStore> CreateAsync() => OpenAgainAsync();

    protected override Task<IReceivedDocumentStore> OpenAgainAsync()
    {
        // The invoice store owns the database: disposing it closes the pool the document store shares.
        var database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        _stores.Add(new PostgreSqlInvoiceStore(database, ownsDatabase: true));
        return Task.FromResult<IReceivedDocumentStore>(new PostgreSqlReceivedDocumentStore(database));
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }
}
