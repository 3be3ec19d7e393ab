using System.Globalization;
using Invoicing.Core;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>An issue ready for <c>issue_documents</c>: what the store checked and computed before the database.</summary>
internal sealed record PreparedIssue(IssueRequest Request, InvoiceTotals Totals, string CounterKey, IssueTemplate Template);

/// <summary>
/// One call of <c>issue_documents</c> (migration 0003) for a batch of issues: the server checks, numbers, hashes and
/// stores each in order while it holds the chain head; a refused item comes back as the error the other stores give.
/// </summary>
internal static class IssueDocumentsCommand
{
    private const string Sql =
        "SELECT item, issued_sequence, issued_previous_hash, issued_hash, refusal, refusal_message FROM issue_documents($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

    /// <summary>Runs the batch in its own transaction; returns one outcome per item, in order.</summary>
    /// <exception cref="NpgsqlException">The call failed as a whole: nothing of the batch was stored.</exception>
    public static async Task<IReadOnlyList<IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome>> RunAsync(NpgsqlConnection connection, IReadOnlyList<PreparedIssue> items, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        AddArrays(command.Parameters, items);
        var outcomes = new IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome[items.Count];
        var rows = 0;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                var index = reader.GetInt32(0) - 1;
                var item = items[index];
                outcomes[index] = reader.IsDBNull(4)
                    ? IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome.Of(Issued(item, reader.GetInt64(1), reader.GetString(2), reader.GetString(3)))
                    : IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome.Failed(Refusal(item.Request, reader.GetString(4), reader.GetString(5)));
            }
        }

        return rows == items.Count
            ? outcomes
            : throw new InvoiceStoreException("IssueAsync", string.Create(CultureInfo.InvariantCulture, $"issue_documents answered {rows} rows for {items.Count} documents; the schema's function is not this package's"));
    }

    private static IssuedInvoice Issued(PreparedIssue item, long sequence, string previousHash, string hash) => new()
    {
        Document = item.Request.Document with { Number = item.Request.Series.Format(sequence, item.Request.Document.IssueDate) },
        Totals = item.Totals,
        SeriesId = item.Request.Series.Id,
        CounterKey = item.CounterKey,
        Sequence = sequence,
        IssuedAt = item.Request.IssuedAt,
        PreviousHash = previousHash,
        HashFormat = ArchiveHash.FormatMetadata,
        Hash = hash,
    };

    /// <summary>The error of a refused item, built by the same rules as the other stores.</summary>
    private static Exception Refusal(IssueRequest request, string code, string message)
    {
        try
        {
            switch (code)
            {
                case "IV001":
                    InvoiceLifecycle.CheckIssue(request, lastIssueDate: null, draftExists: false);
                    break;
                case "IV002":
                    InvoiceLifecycle.CheckIssue(request, LocalDate.FromDateOnly(DateOnly.ParseExact(message, "yyyy-MM-dd", CultureInfo.InvariantCulture)), draftExists: true);
                    break;
                case "IV003":
                    return InvoiceLifecycle.NumberTaken(message);
            }
        }
        catch (InvoiceValidationException refusal)
        {
            return refusal;
        }

        return new InvoiceStoreException("IssueAsync", $"the server refused the issue with an unexpected answer ({code}: {message}); nothing was changed");
    }

    private static void AddArrays(NpgsqlParameterCollection parameters, IReadOnlyList<PreparedIssue> items)
    {
        T[] Each<T>(Func<PreparedIssue, T> value) => [.. items.Select(value)];
        T[] Flat<T>(Func<PreparedIssue, IEnumerable<T>> values) => [.. items.SelectMany(values)];

        parameters.Add(new NpgsqlParameter { Value = Each(i => i.CounterKey), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.Series.Id), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.DraftId?.Value), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Template.NumberBefore), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Template.Digits) });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Template.NumberAfter), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.Document.Type.IsCreditNote()) });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.Document.CustomerKey), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.Document.Currency.Code), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.Document.IssueDate.ToDateOnly()) });
        parameters.Add(new NpgsqlParameter { Value = Each(i => (i.Request.Document.DueDate ?? i.Request.Document.IssueDate).ToDateOnly()) });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Totals.AmountDue) });
        parameters.Add(new NpgsqlParameter { Value = Each(i => i.Request.IssuedAt.ToDateTimeUtc()), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = Flat(i => i.Template.HashInput.Parts), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter { Value = Flat(i => i.Template.HashInput.Slots), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Flat(i => i.Template.Document.Parts), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter { Value = Flat(i => i.Template.Document.Slots), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
    }
}
