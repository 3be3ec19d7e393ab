using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The reminder journal conformance suite against PostgreSQL, in a schema of its own.</summary>
public sealed class PostgresReminderJournalConformanceTests : ReminderJournalConformanceTests
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private PostgreSqlDatabase? _database;

    protected override Task<IReminderJournal> CreateJournalAsync()
    {
        _database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        return Task.FromResult<IReminderJournal>(new PostgreSqlReminderJournal(_database));
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
