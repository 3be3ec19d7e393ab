using Invoicing.Core;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// One schema of one server, shared by the store, the reminder journal and the settings store of a host: the pooled
/// data source, the migration run once on first use, and the translation of driver failures into
/// <see cref="InvoiceStoreException"/>.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;
    private volatile bool _disposed;

    public PostgreSqlDatabase(PostgreSqlStoreOptions options, NodaTime.IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Schema = options.Schema;
        Clock = clock ?? options.Clock ?? InvoicingClocks.FromTimeProvider(TimeProvider.System);
        DataSource = CreateDataSource(options);
    }

    public string Schema { get; }

    /// <summary>Dates the events of changes that carry no instant of their own (payments, write-offs, disputes, overdue scans).</summary>
    public NodaTime.IClock Clock { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>A data source whose connections resolve unqualified names in the store's schema.</summary>
    public static NpgsqlDataSource CreateDataSource(PostgreSqlStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = options.Schema;
        builder.ConnectionStringBuilder.ApplicationName ??= "Invoicing.Storage.PostgreSql";
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The store sends the same few statements over and over: let the driver prepare them once per connection.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection of the migrated schema; driver failures become <see cref="InvoiceStoreException"/>.</summary>
    public async Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (PostgreSqlErrors.IsInfrastructure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw PostgreSqlErrors.Wrap(operation, exception);
        }
    }

    /// <summary>Runs one step of a streaming operation; driver failures become <see cref="InvoiceStoreException"/>.</summary>
    public static async Task<T> GuardAsync<T>(string operation, Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception exception) when (PostgreSqlErrors.IsInfrastructure(exception))
        {
            throw PostgreSqlErrors.Wrap(operation, exception);
        }
    }

    /// <summary>Applies the migrations once per instance, before the first operation.</summary>
    public async Task EnsureMigratedAsync(string operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await PostgreSqlMigrator.MigrateAsync(DataSource, Schema, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        catch (InvoiceStoreException exception) when (exception.Operation == "Migrate")
        {
            throw new InvoiceStoreException(operation, "the schema could not be prepared: " + exception.Message, exception.InnerException ?? exception);
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Ends a transaction begun with a raw BEGIN that did not reach its COMMIT; a broken connection is discarded by the pool anyway.</summary>
    public static async Task RollBackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await using (rollback.ConfigureAwait(false))
            {
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (PostgreSqlErrors.IsInfrastructure(exception))
        {
            // The connection is broken: the server rolls the transaction back when the session ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DataSource.DisposeAsync().ConfigureAwait(false);
        _migrationGate.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        DataSource.Dispose();
        _migrationGate.Dispose();
    }
}
