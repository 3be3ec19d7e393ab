using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The conformance suite against PostgreSQL: each store in its own schema of the test server.</summary>
public sealed class PostgresStoreConformanceTests : DatabaseStoreConformanceTests
{
    private readonly List<string> _schemas = [];

    protected override Task<IInvoiceStore> CreateStoreAsync()
    {
        var schema = PostgresTestDatabase.NewSchema();
        _schemas.Add(schema);
        return Task.FromResult<IInvoiceStore>(PostgresTestDatabase.CreateStore(schema));
    }

    protected override IReminderJournal JournalOf(IInvoiceStore store) => new PostgreSqlReminderJournal(((PostgreSqlInvoiceStore)store).Database);

    protected override IDunningSettingsStore SettingsOf(IInvoiceStore store) => new PostgreSqlDunningSettingsStore(((PostgreSqlInvoiceStore)store).Database);

    protected override Task<IInvoiceStore> CreateUnreachableStoreAsync() =>
        Task.FromResult<IInvoiceStore>(new PostgreSqlInvoiceStore(new PostgreSqlStoreOptions(PostgresTestDatabase.UnreachableConnectionString(), "unreachable")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var schema in _schemas)
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }
}
