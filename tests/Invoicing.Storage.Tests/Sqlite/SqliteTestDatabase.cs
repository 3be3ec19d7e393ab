using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>A fresh SQLite file in its own temporary folder, deleted with the folder.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("invoicing-sqlite-").FullName;
        Path = System.IO.Path.Combine(Folder, "invoices.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>A raw connection, as a user with the sqlite3 shell would have.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection of another test; the temp folder is cleaned by the OS.
        }
    }
}
