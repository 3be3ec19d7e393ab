using NodaTime;

namespace Invoicing.Core;

/// <summary>A NodaTime clock over the host's <see cref="TimeProvider"/>, so tests can drive time with a fake provider.</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
}
