using NodaTime;

namespace Invoicing.Dunning.Tests.Calendar;

public sealed class FrenchPublicHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(1818, 3, 22)]
    public void EasterSunday_KnownYears_MatchTheCalendar(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), FrenchPublicHolidays.EasterSunday(year));

    [Fact]
    public void Of_2026_ListsTheElevenHolidays()
    {
        Assert.Equal(
            ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"],
            FrenchPublicHolidays.Of(2026).Select(d => d.ToString("yyyy-MM-dd", null)));
    }

    [FsCheck.Xunit.Property]
    public bool IsHoliday_AgreesWithOf(int offset)
    {
        var date = new LocalDate(2000, 1, 1).PlusDays(Math.Abs(offset % 20000));
        return FrenchPublicHolidays.IsHoliday(date) == FrenchPublicHolidays.Of(date.Year).Contains(date);
    }

    [Fact]
    public void EasterSunday_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.EasterSunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.EasterSunday(10000));
    }

    [Fact]
    public void FrenchBusinessDays_ExcludesWeekendsAndHolidays()
    {
        var calendar = SendingCalendar.FrenchBusinessDays;
        Assert.False(calendar.IsSendingDay(new LocalDate(2026, 12, 19))); // Saturday
        Assert.False(calendar.IsSendingDay(new LocalDate(2026, 12, 25))); // Christmas, Friday
        Assert.False(calendar.IsSendingDay(new LocalDate(2026, 5, 14))); // Ascension
        Assert.True(calendar.IsSendingDay(new LocalDate(2026, 12, 15))); // Tuesday
        Assert.True(SendingCalendar.EveryDay.IsSendingDay(new LocalDate(2026, 12, 25)));
    }
}
