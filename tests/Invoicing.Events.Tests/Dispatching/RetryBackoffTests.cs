using FsCheck;
using FsCheck.Fluent;

namespace Invoicing.Events.Tests.Dispatching;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Fact]
    public void Delay_DoublesFromTheInitialDelay_UpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryBackoff.Delay(1, Initial, Max));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryBackoff.Delay(2, Initial, Max));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryBackoff.Delay(3, Initial, Max));
        Assert.Equal(TimeSpan.FromSeconds(320), RetryBackoff.Delay(7, Initial, Max));
        Assert.Equal(Max, RetryBackoff.Delay(8, Initial, Max));
        Assert.Equal(Max, RetryBackoff.Delay(int.MaxValue, Initial, Max));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Delay_AnyFailureCount_BetweenInitialAndMaxAndNeverShorterThanThePrevious()
    {
        var gen =
            from failures in Gen.Choose(1, 10_000)
            from initialMs in Gen.Choose(1, 60_000)
            from extraMs in Gen.Choose(0, 3_600_000)
            select (failures, TimeSpan.FromMilliseconds(initialMs), TimeSpan.FromMilliseconds(initialMs + extraMs));
        return Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (failures, initial, max) = sample;
            var delay = RetryBackoff.Delay(failures, initial, max);
            var next = RetryBackoff.Delay(failures + 1, initial, max);
            return delay >= initial && delay <= max && next >= delay;
        });
    }

    [Fact]
    public void Delay_NoFailure_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, Initial, Max));
}
