namespace Invoicing.Storage.Sqlite;

/// <summary>Options of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// How long an operation waits for another process's write lock before failing. Default: 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether each commit is flushed to the disk before the operation returns. The journal is WAL either way.
    /// Default: true (<c>PRAGMA synchronous = FULL</c>): a committed invoice survives a crash of the process and a power
    /// cut or OS crash. With false (<c>synchronous = NORMAL</c>, faster by one <c>fsync</c> per commit) a crash of the
    /// process still loses nothing, but a power cut or OS crash may lose the transactions committed since the last
    /// checkpoint, whole (never part of one: the file stays consistent and the numbering without gap), and their
    /// numbers are then given again, although the lost documents may already have been sent.
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// The clock that dates the events of payments and write-offs. Default: null, the host's <c>IClock</c> when the store
    /// is registered with <c>UseSqlite</c>, the system clock otherwise.
    /// </summary>
    public NodaTime.IClock? Clock { get; set; }

    internal void Validate()
    {
        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must be positive and below 24 days.");
        }
    }
}
