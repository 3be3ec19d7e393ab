using Microsoft.Data.Sqlite;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// The SQLite file a <c>crm sync</c> run opens: the one given, or, for a dry run against a file not made yet, an empty
/// store in a temporary file removed afterwards. Opening a store creates its file, and a dry run writes nothing; an
/// empty store previews exactly as a missing one would.
/// </summary>
internal sealed class CrmSyncDatabase : IDisposable
{
    private readonly string? _temporary;

    private CrmSyncDatabase(string path, string? temporary)
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        _temporary = temporary;
    }

    public string ConnectionString { get; }

    public static CrmSyncDatabase For(string path, bool dryRun)
    {
        if (!dryRun || File.Exists(path))
        {
            return new CrmSyncDatabase(path, null);
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"invoicing-crm-dry-run-{Guid.NewGuid():N}.db");
        return new CrmSyncDatabase(temporary, temporary);
    }

    public void Dispose()
    {
        if (_temporary is null)
        {
            return;
        }

        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(_temporary + suffix);
        }
    }
}
