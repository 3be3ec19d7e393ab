using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Invoicing.Core;

/// <summary>
/// An <see cref="INumberAllocator"/> that keeps its counters in memory: each call returns the next sequence of the
/// counter, exactly once, from any number of threads. Nothing survives the process: for tests, samples and the
/// in-memory store.
/// </summary>
public sealed class InMemoryNumberAllocator : INumberAllocator
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public long Next(string counterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(counterKey);
        var counter = _counters.GetOrAdd(counterKey, static _ => new StrongBox<long>(0));
        return Interlocked.Increment(ref counter.Value);
    }

    /// <summary>The last sequence handed out for the counter; 0 when none was.</summary>
    public long Current(string counterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(counterKey);
        return _counters.TryGetValue(counterKey, out var counter) ? Interlocked.Read(ref counter.Value) : 0;
    }
}
