using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The CRM sync ledger suite against PostgreSQL, in a schema of its own; a second pool on the schema is another host.</summary>
public sealed class PostgresCrmSyncConformanceTests : CrmSyncConformanceTests
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();

    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> CreateAsync() => Task.FromResult(Open(own: false));

    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> OpenAgainAsync() => Task.FromResult(Open(own: true));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }

    private (IInvoiceStore, ICrmSyncStore) Open(bool own)
    {
        // The invoice store owns the database: disposing it closes the pool the ledger shares.
        var database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        var store = new PostgreSqlInvoiceStore(database, ownsDatabase: true);
        if (own)
        {
            Own(store);
        }

        return (store, new PostgreSqlCrmSyncStore(database));
    }
}
