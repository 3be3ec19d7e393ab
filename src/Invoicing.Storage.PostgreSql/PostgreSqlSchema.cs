namespace Invoicing.Storage.PostgreSql;

/// <summary>The store's schema migrations, for hosts that upgrade the database before they start (the store also migrates on first use).</summary>
public static class PostgreSqlSchema
{
    /// <summary>The schema version this package writes and reads.</summary>
    public static int CurrentVersion => PostgreSqlMigrator.Migrations.Count;

    /// <summary>
    /// Creates the schema when missing and applies the migrations not applied yet, each in the same transaction
    /// under an advisory lock, so two processes migrating at once apply each migration exactly once.
    /// </summary>
    /// <returns>The versions applied by this call (empty when the schema was up to date).</returns>
    /// <exception cref="Core.InvoiceStoreException">The server cannot be reached, or the schema is newer than this package.</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataSource = PostgreSqlDatabase.CreateDataSource(options);
        await using var dataSourceScope = dataSource.ConfigureAwait(false);
        return await PostgreSqlMigrator.MigrateAsync(dataSource, options.Schema, cancellationToken).ConfigureAwait(false);
    }
}
