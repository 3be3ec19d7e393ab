namespace Invoicing.Storage.Sqlite;

/// <summary>Options of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// How long an operation waits for another process's write lock before failing. Default: 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether each commit is flushed to the disk before the operation returns (<c>PRAGMA synchronous = FULL</c>).
    /// Default: true, so an issued invoice survives a power cut as well as a crash. With false
    /// (<c>synchronous = NORMAL</c>) a crash of the process still loses nothing, but a power cut may lose the last
    /// transactions (whole transactions, never part of one, so the numbering stays without gap).
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    internal void Validate()
    {
        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must be positive and below 24 days.");
        }
    }
}
