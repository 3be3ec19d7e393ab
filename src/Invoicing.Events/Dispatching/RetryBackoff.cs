namespace Invoicing.Events;

/// <summary>The wait before a failing handler's next attempt: doubling from the initial delay, capped. Pure.</summary>
internal static class RetryBackoff
{
    /// <summary>The delay after <paramref name="failures"/> consecutive failures (1 for the first): initial x 2^(failures-1), at most max.</summary>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failures);
        if (initial >= max)
        {
            return max;
        }

        // Past 2^30 the product passes any cap a host would set; stop doubling before it overflows.
        var exponent = Math.Min(failures - 1, 30);
        var ticks = initial.Ticks * (double)(1L << exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
