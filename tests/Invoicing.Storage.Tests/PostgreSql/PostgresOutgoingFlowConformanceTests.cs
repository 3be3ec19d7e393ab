using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The outgoing flow conformance suite against PostgreSQL, in a schema of its own.</summary>
public sealed class PostgresOutgoingFlowConformanceTests : OutgoingFlowConformanceTests
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private PostgreSqlDatabase? _database;

    protected override Task<IOutgoingFlowStore> CreateFlowStoreAsync()
    {
        _database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        return Task.FromResult<IOutgoingFlowStore>(new PostgreSqlOutgoingFlowStore(_database));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }
}
