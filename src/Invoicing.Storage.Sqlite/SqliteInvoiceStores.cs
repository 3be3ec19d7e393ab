using Invoicing.Core;

namespace Invoicing.Storage.Sqlite;

/// <summary>Creates SQLite stores outside dependency injection (tools, tests, samples).</summary>
public static class SqliteInvoiceStores
{
    /// <summary>
    /// A store over the SQLite database of <paramref name="connectionString"/> (for example <c>Data Source=invoices.db</c>).
    /// The file is created when missing and its schema brought up to date on first use. The store is
    /// <see cref="IAsyncDisposable"/>: dispose it to close its connections.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is malformed or names no database file.</exception>
    public static IInvoiceStore Open(string connectionString, SqliteStoreOptions? options = null) =>
        new SqliteInvoiceStore(connectionString, options ?? new SqliteStoreOptions());

    /// <summary>Brings the schema of a store made by <see cref="Open"/> up to date now; returns the versions applied.</summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    /// <exception cref="InvoiceStoreException">The database cannot be opened or migrated.</exception>
    public static Task<IReadOnlyList<int>> MigrateAsync(IInvoiceStore store, CancellationToken cancellationToken = default) =>
        store is SqliteInvoiceStore sqlite
            ? sqlite.MigrateAsync(cancellationToken)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The reminder journal kept in the same file as a store made by <see cref="Open"/>, sharing its write connection:
    /// a claim is one <c>BEGIN IMMEDIATE</c> transaction, so concurrent workers (threads or processes) never both own a key.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IReminderJournal OpenReminderJournal(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteReminderJournal(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The customers' and invoices' dunning settings kept in the same file as a store made by <see cref="Open"/>
    /// (opt-out, language, time zone, policy, e-mail; disputed, paused until), sharing its write connection.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IDunningSettingsStore OpenDunningSettingsStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteDunningSettingsStore(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The event outbox kept in the same file as a store made by <see cref="Open"/> (the store itself: its changes record
    /// their events in their own transactions), with the event handlers' cursors.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IInvoiceEventStore OpenEventStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? sqlite
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The recurring schedules and occurrence ledger kept in the same file as a store made by <see cref="Open"/>, sharing its
    /// write connection: a claim and the occurrence's draft are one <c>BEGIN IMMEDIATE</c> transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IRecurringScheduleStore OpenRecurringScheduleStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteRecurringScheduleStore(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The CRM sync ledger kept in the same file as a store made by <see cref="Open"/>, sharing its write connection: a
    /// record's ledger row and its draft are one <c>BEGIN IMMEDIATE</c> transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static ICrmSyncStore OpenCrmSyncStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteCrmSyncStore(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The record of invoices sent to e-invoicing platforms, kept in the same file as a store made by <see cref="Open"/>
    /// and sharing its write connection: a claim is one <c>BEGIN IMMEDIATE</c> transaction, so an invoice goes out once
    /// per platform even with several workers (threads or processes).
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IOutgoingFlowStore OpenOutgoingFlowStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteOutgoingFlowStore(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>
    /// The documents received from suppliers, kept in the same file as a store made by <see cref="Open"/> (sharing its
    /// write connection) by platform flow id, apart from the seller's own invoices.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite store.</exception>
    public static IReceivedDocumentStore OpenReceivedDocumentStore(IInvoiceStore store) =>
        store is SqliteInvoiceStore sqlite
            ? new SqliteReceivedDocumentStore(sqlite)
            : throw new ArgumentException("The store is not a SQLite store.", nameof(store));

    /// <summary>The schema version this package brings a database to.</summary>
    public static int SchemaVersion => SqliteMigrator.LatestVersion;
}
