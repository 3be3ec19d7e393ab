using FsCheck.Xunit;
using NodaTime;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>The schedule JSON: every schedule reads back equal; bad input is a format error naming the field, in words.</summary>
public sealed class RecurringScheduleJsonTests
{
    [Property(MaxTest = 200)]
    public void Deserialize_OfSerialize_GivesTheSameSchedule(byte kind, byte day, byte month, ushort offset, bool withEnd, byte? count, bool arrears, bool combined, bool noProration)
    {
        var recurrence = (kind % 5) switch
        {
            0 => Recurrence.MonthlyOnDay(1 + (day % 31)),
            1 => Recurrence.EndOfMonth(),
            2 => Recurrence.Quarterly(1 + (day % 31), 1 + (month % 3)),
            3 => Recurrence.Yearly(1 + (month % 12), 1 + (day % 31)),
            _ => Recurrence.EveryWeeks(1 + (day % 52)),
        };
        var start = new LocalDate(2020, 1, 1).PlusDays(offset % 4000);
        var schedule = Schedule(recurrence, start, withEnd ? start.PlusDays(offset % 700) : null, count is { } c ? 1 + c : null, timing: arrears ? BillingTiming.InArrears : BillingTiming.InAdvance, catchUp: combined ? CatchUpMode.Combined : CatchUpMode.OnePerPeriod)
            with { Proration = noProration ? ProrationMode.None : ProrationMode.ByDays };

        Assert.Equal(schedule, RecurringScheduleJson.Deserialize(RecurringScheduleJson.Serialize(schedule)));
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("[]", null)]
    [InlineData("""{"id":"a"}""", "recurrence")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"Daily"}}""", "recurrence.frequency")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"MonthlyOnDay"}}""", "recurrence.dayOfMonth")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"MonthlyOnDay","dayOfMonth":40}}""", "recurrence.dayOfMonth")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"Weekly","weeks":"two"}}""", "recurrence.weeks")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"EndOfMonth"},"start":"2026-02-30"}""", "start")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"EndOfMonth"},"start":"2026-02-01","timeZone":"UTC","timing":"1"}""", "timing")]
    [InlineData("""{"id":"a","recurrence":{"frequency":"EndOfMonth"},"start":"2026-02-01","timeZone":"UTC","template":{"lines":"x"}}""", "template.lines")]
    [InlineData("""{"id":"a","colour":"red"}""", "colour")]
    [InlineData("""{"id":42}""", "id")]
    public void Deserialize_BadInput_FormatErrorNamingTheField(string json, string? path)
    {
        var error = Assert.Throws<InvoiceFormatException>(() => RecurringScheduleJson.Deserialize(json));

        Assert.Equal(path, error.Path);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_Null_ArgumentNullExceptionNothingStored()
    {
        var store = RecurringScheduleStores.CreateInMemory(InvoiceStores.CreateInMemory());

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!));
        await foreach (var _ in store.ListAsync())
        {
            Assert.Fail("nothing should be stored");
        }
    }

    [Fact]
    public async Task RunOnceAsync_QuantitiesTooLargeToProrate_ReportedAsOverflowNotThrown()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 3, 10, 8, 0));
        var template = Template(price: 0.01m, quantity: 39_000_000_000_000_000_000_000_000_000m);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 5), template: template));

        var result = await harness.RunAsync();

        Assert.Equal(("INV-OVERFLOW", "template.lines"), (result.Failures.Single().Issues[0].RuleId, result.Failures.Single().Issues[0].Path));
        Assert.Equal(0, result.Issued);
    }
}
