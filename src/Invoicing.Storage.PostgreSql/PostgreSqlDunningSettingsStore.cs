using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>Per-customer and per-invoice dunning settings in PostgreSQL; saving replaces (upsert).</summary>
internal sealed class PostgreSqlDunningSettingsStore(PostgreSqlDatabase database) : IDunningSettingsStore
{
    public Task<DunningCustomerSettings?> GetCustomerAsync(string customerKey, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(GetCustomerAsync), async connection =>
        {
            if (customerKey is null)
            {
                return null;
            }

            var command = new NpgsqlCommand("SELECT opted_out, language, time_zone_id, policy_id, email FROM dunning_customers WHERE customer_key = $1", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = customerKey });
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                        ? new DunningCustomerSettings
                        {
                            CustomerKey = customerKey,
                            OptedOut = reader.GetBoolean(0),
                            Language = reader.IsDBNull(1) ? null : reader.GetString(1),
                            TimeZoneId = reader.IsDBNull(2) ? null : reader.GetString(2),
                            PolicyId = reader.IsDBNull(3) ? null : reader.GetString(3),
                            Email = reader.IsDBNull(4) ? null : reader.GetString(4),
                        }
                        : null;
                }
            }
        }, cancellationToken);

    public Task SaveCustomerAsync(DunningCustomerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireKey(settings.CustomerKey, "DUN-SETTINGS-CUSTOMER", "customerKey");
        return database.RunAsync(nameof(SaveCustomerAsync), async connection =>
        {
            var command = new NpgsqlCommand(
                """
                INSERT INTO dunning_customers (customer_key, opted_out, language, time_zone_id, policy_id, email) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (customer_key) DO UPDATE SET opted_out = EXCLUDED.opted_out, language = EXCLUDED.language,
                    time_zone_id = EXCLUDED.time_zone_id, policy_id = EXCLUDED.policy_id, email = EXCLUDED.email
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                foreach (var value in new object?[] { settings.CustomerKey, settings.OptedOut, settings.Language, settings.TimeZoneId, settings.PolicyId, settings.Email })
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = value is bool ? NpgsqlTypes.NpgsqlDbType.Boolean : NpgsqlTypes.NpgsqlDbType.Text });
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    public Task<DunningInvoiceSettings?> GetInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(GetInvoiceAsync), async connection =>
        {
            if (invoiceNumber is null)
            {
                return null;
            }

            var command = new NpgsqlCommand("SELECT disputed, paused_until FROM dunning_invoices WHERE invoice_number = $1", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = invoiceNumber });
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                        ? new DunningInvoiceSettings
                        {
                            InvoiceNumber = invoiceNumber,
                            Disputed = reader.GetBoolean(0),
                            PausedUntil = reader.IsDBNull(1) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)),
                        }
                        : null;
                }
            }
        }, cancellationToken);

    public Task SaveInvoiceAsync(DunningInvoiceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireKey(settings.InvoiceNumber, "DUN-SETTINGS-INVOICE", "invoiceNumber");
        return database.RunAsync(nameof(SaveInvoiceAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);

            // The invoice's account row serializes concurrent saves, so a dispute is recorded once however many race.
            bool wasDisputed;
            var read = new NpgsqlCommand(
                "SELECT (SELECT 1 FROM accounts WHERE number = $1 FOR UPDATE), coalesce((SELECT disputed FROM dunning_invoices WHERE invoice_number = $1), false)",
                connection,
                transaction);
            await using (read.ConfigureAwait(false))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = settings.InvoiceNumber, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                wasDisputed = reader.GetBoolean(1);
            }

            var command = new NpgsqlCommand(
                "INSERT INTO dunning_invoices (invoice_number, disputed, paused_until) VALUES ($1, $2, $3) ON CONFLICT (invoice_number) DO UPDATE SET disputed = EXCLUDED.disputed, paused_until = EXCLUDED.paused_until",
                connection,
                transaction);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = settings.InvoiceNumber });
                command.Parameters.Add(new NpgsqlParameter { Value = settings.Disputed });
                command.Parameters.Add(new NpgsqlParameter { Value = settings.PausedUntil is { } paused ? paused.ToDateOnly() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (settings.Disputed && !wasDisputed)
            {
                // The disputed event, in the transaction that pauses the invoice's reminders.
                var record = PostgreSqlEventCommands.RecordForNumber(connection, transaction, InvoiceEventKind.Disputed, settings.InvoiceNumber, database.Clock.GetCurrentInstant(), InvoiceEvents.DisputedData(settings.PausedUntil));
                await using (record.ConfigureAwait(false))
                {
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    /// <summary>The same check as every settings store: a key that is not blank and at most <see cref="ReminderKey.MaxLength"/> characters.</summary>
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
