using NodaTime;

namespace Invoicing.Core;

/// <summary>Clocks for code made outside dependency injection (stores opened by a factory, tools, tests).</summary>
public static class InvoicingClocks
{
    /// <summary>A NodaTime clock over <paramref name="timeProvider"/> (<see cref="TimeProvider.System"/> for the system clock).</summary>
    public static IClock FromTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new TimeProviderClock(timeProvider);
    }
}
