using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlInvoicingBuilderExtensions
{
    /// <summary>
    /// Stores invoices, the event outbox, the reminder journal, the dunning settings, the recurring schedules and the outgoing
    /// platform flows in PostgreSQL:
    /// <c>services.AddInvoicing().UsePostgreSql(connectionString)</c>. They share one connection pool. The schema is
    /// created and migrated on first use (safe from several processes at once). Registrations use <c>TryAdd</c>, so a
    /// store registered before wins.
    /// </summary>
    /// <param name="builder">The invoicing builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The schema the store uses; <c>invoicing</c> by default.</param>
    /// <exception cref="ArgumentException">The connection string or the schema name is not valid.</exception>
    public static IInvoicingBuilder UsePostgreSql(this IInvoicingBuilder builder, string connectionString, string schema = PostgreSqlStoreOptions.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new PostgreSqlStoreOptions(connectionString, schema);
        builder.Services.TryAddSingleton(options);
        builder.Services.TryAddSingleton(provider => new PostgreSqlDatabase(provider.GetRequiredService<PostgreSqlStoreOptions>(), provider.GetService<NodaTime.IClock>()));
        builder.Services.TryAddSingleton(provider => new PostgreSqlInvoiceStore(provider.GetRequiredService<PostgreSqlDatabase>(), ownsDatabase: false));
        builder.Services.TryAddSingleton<IInvoiceStore>(provider => provider.GetRequiredService<PostgreSqlInvoiceStore>());
        builder.Services.TryAddSingleton<IInvoiceEventStore>(provider => provider.GetRequiredService<PostgreSqlInvoiceStore>());
        builder.Services.TryAddSingleton<IReminderJournal>(provider => new PostgreSqlReminderJournal(provider.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IDunningSettingsStore>(provider => new PostgreSqlDunningSettingsStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IRecurringScheduleStore>(provider => new PostgreSqlRecurringScheduleStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<ICrmSyncStore>(provider => new PostgreSqlCrmSyncStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IOutgoingFlowStore>(provider => new PostgreSqlOutgoingFlowStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IReceivedDocumentStore>(provider => new PostgreSqlReceivedDocumentStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        return builder;
    }
}
