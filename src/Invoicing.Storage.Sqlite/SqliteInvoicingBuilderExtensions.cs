using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Storage.Sqlite;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteInvoicingBuilderExtensions
{
    /// <summary>
    /// Uses the SQLite database of <paramref name="connectionString"/> (for example <c>Data Source=invoices.db</c>)
    /// as the invoice store, the event outbox, the reminder journal, the customers' dunning settings and the recurring schedules: one store per service provider, disposed with it; the schema is
    /// migrated on first use.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty, malformed or names no file, or the options are out of range.</exception>
    public static IInvoicingBuilder UseSqlite(this IInvoicingBuilder builder, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStoreOptions();
        configure?.Invoke(options);

        // Fail at registration, not at the first invoice: a bad connection string or option is a host bug.
        using (new SqliteInvoiceStore(connectionString, options))
        {
        }

        builder.Services.TryAddSingleton(provider => new SqliteInvoiceStore(connectionString, options, provider.GetService<NodaTime.IClock>()));
        builder.Services.TryAddSingleton<IInvoiceStore>(provider => provider.GetRequiredService<SqliteInvoiceStore>());
        builder.Services.TryAddSingleton<IInvoiceEventStore>(provider => provider.GetRequiredService<SqliteInvoiceStore>());
        builder.Services.TryAddSingleton<IReminderJournal>(provider => new SqliteReminderJournal(provider.GetRequiredService<SqliteInvoiceStore>()));
        builder.Services.TryAddSingleton<IOutgoingFlowStore>(provider => new SqliteOutgoingFlowStore(provider.GetRequiredService<SqliteInvoiceStore>()));
        builder.Services.TryAddSingleton<IDunningSettingsStore>(provider => new SqliteDunningSettingsStore(provider.GetRequiredService<SqliteInvoiceStore>()));
        builder.Services.TryAddSingleton<IRecurringScheduleStore>(provider => new SqliteRecurringScheduleStore(provider.GetRequiredService<SqliteInvoiceStore>()));
        builder.Services.TryAddSingleton<ICrmSyncStore>(provider => new SqliteCrmSyncStore(provider.GetRequiredService<SqliteInvoiceStore>()));
        builder.Services.TryAddSingleton<IReceivedDocumentStore>(provider => new SqliteReceivedDocumentStore(provider.GetRequiredService<SqliteInvoiceStore>()));
        return builder;
    }
}
