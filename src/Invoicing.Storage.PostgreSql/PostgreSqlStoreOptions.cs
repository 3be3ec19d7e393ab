using System.Text.RegularExpressions;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>Where the PostgreSQL store keeps its data.</summary>
public sealed partial record PostgreSqlStoreOptions
{
    /// <summary>The schema used when none is given.</summary>
    public const string DefaultSchema = "invoicing";

    /// <summary>Creates options and checks them.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Port=...;Username=...;Password=...;Database=...</c>).</param>
    /// <param name="schema">The schema the store creates and uses: lower-case letters, digits and underscores, at most 63.</param>
    /// <exception cref="ArgumentException">The connection string cannot be parsed, or the schema name is not a plain identifier.</exception>
    public PostgreSqlStoreOptions(string connectionString, string schema = DefaultSchema)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL connection string is empty.", nameof(connectionString));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException("The PostgreSQL connection string is not valid: " + exception.Message, nameof(connectionString), exception);
        }

        if (schema is null || !SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"The schema '{schema}' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter or an underscore.", nameof(schema));
        }

        ConnectionString = connectionString;
        Schema = schema;
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// The clock that dates the events of payments, write-offs, disputes and overdue scans. Default: null, the host's
    /// <c>IClock</c> when the store is registered with <c>UsePostgreSql</c>, the system clock otherwise.
    /// </summary>
    public NodaTime.IClock? Clock { get; init; }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
