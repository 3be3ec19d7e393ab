using Invoicing.Core;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// Customers' and invoices' dunning settings in the store's SQLite file (tables <c>dunning_customers</c> and
/// <c>dunning_invoices</c>, schema version 3). Saving replaces the row (upsert) in one write transaction of the store;
/// reads see the last committed state.
/// </summary>
internal sealed class SqliteDunningSettingsStore(SqliteInvoiceStore store) : IDunningSettingsStore
{
    public Task<DunningCustomerSettings?> GetCustomerAsync(string customerKey, CancellationToken cancellationToken = default) =>
        store.ReadAsync(nameof(GetCustomerAsync), async connection =>
        {
            if (customerKey is null)
            {
                return null;
            }

            var command = SqliteInvoiceStore.Command(connection, null, "SELECT opted_out, language, time_zone_id, policy_id, email FROM dunning_customers WHERE customer_key = $key", ("$key", customerKey));
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new DunningCustomerSettings
                {
                    CustomerKey = customerKey,
                    OptedOut = reader.GetInt64(0) != 0,
                    Language = NullableText(reader, 1),
                    TimeZoneId = NullableText(reader, 2),
                    PolicyId = NullableText(reader, 3),
                    Email = NullableText(reader, 4),
                }
                : null;
        }, cancellationToken);

    public Task SaveCustomerAsync(DunningCustomerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireKey(settings.CustomerKey, "DUN-SETTINGS-CUSTOMER", "customerKey");
        return store.WriteAsync(nameof(SaveCustomerAsync), async (connection, transaction) =>
        {
            var command = SqliteInvoiceStore.Command(
                connection,
                transaction,
                """
                INSERT INTO dunning_customers (customer_key, opted_out, language, time_zone_id, policy_id, email)
                VALUES ($key, $optedOut, $language, $timeZone, $policy, $email)
                ON CONFLICT (customer_key) DO UPDATE SET opted_out = excluded.opted_out, language = excluded.language,
                    time_zone_id = excluded.time_zone_id, policy_id = excluded.policy_id, email = excluded.email
                """,
                ("$key", settings.CustomerKey),
                ("$optedOut", settings.OptedOut ? 1 : 0),
                ("$language", settings.Language),
                ("$timeZone", settings.TimeZoneId),
                ("$policy", settings.PolicyId),
                ("$email", settings.Email));
            await using var commandScope = command.ConfigureAwait(false);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<DunningInvoiceSettings?> GetInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        store.ReadAsync(nameof(GetInvoiceAsync), async connection =>
        {
            if (invoiceNumber is null)
            {
                return null;
            }

            var command = SqliteInvoiceStore.Command(connection, null, "SELECT disputed, paused_until FROM dunning_invoices WHERE invoice_number = $number", ("$number", invoiceNumber));
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var disputed = reader.GetInt64(0) != 0;
            var paused = NullableText(reader, 1);
            return new DunningInvoiceSettings
            {
                InvoiceNumber = invoiceNumber,
                Disputed = disputed,
                PausedUntil = paused is null ? null : SqliteText.ParseDate(paused, "dunning_invoices.paused_until"),
            };
        }, cancellationToken);

    public Task SaveInvoiceAsync(DunningInvoiceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireKey(settings.InvoiceNumber, "DUN-SETTINGS-INVOICE", "invoiceNumber");
        return store.WriteAsync(nameof(SaveInvoiceAsync), async (connection, transaction) =>
        {
            var wasDisputed = await store.ScalarAsync<long?>(connection, transaction, "SELECT disputed FROM dunning_invoices WHERE invoice_number = $number", cancellationToken, ("$number", settings.InvoiceNumber)).ConfigureAwait(false) == 1;
            if (settings.Disputed && !wasDisputed)
            {
                // The disputed event, in the transaction that pauses the invoice's reminders.
                await store.InsertEventForNumberAsync(connection, transaction, InvoiceEventKind.Disputed, settings.InvoiceNumber, store.Clock.GetCurrentInstant(), InvoiceEvents.DisputedData(settings.PausedUntil), cancellationToken).ConfigureAwait(false);
            }

            var command = SqliteInvoiceStore.Command(
                connection,
                transaction,
                """
                INSERT INTO dunning_invoices (invoice_number, disputed, paused_until) VALUES ($number, $disputed, $paused)
                ON CONFLICT (invoice_number) DO UPDATE SET disputed = excluded.disputed, paused_until = excluded.paused_until
                """,
                ("$number", settings.InvoiceNumber),
                ("$disputed", settings.Disputed ? 1 : 0),
                ("$paused", settings.PausedUntil is { } paused ? SqliteText.Date(paused) : null));
            await using var commandScope = command.ConfigureAwait(false);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The check every settings store makes: a key that is not blank and at most <see cref="ReminderKey.MaxLength"/> characters.</summary>
    private static void RequireKey(string? value, string ruleId, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' is required and may not be blank."));
        }

        if (value.Length > ReminderKey.MaxLength)
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' is {value.Length} characters long; at most {ReminderKey.MaxLength} are accepted."));
        }
    }
}
