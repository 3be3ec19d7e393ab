using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Invoicing.Core.Tests.Numbering;

public sealed class NumberSeriesTests
{
    private static readonly LocalDate Day = new(2026, 3, 9);

    [Theory]
    [InlineData("F{yyyy}-{seq:00000}", 42, "F2026-00042")]
    [InlineData("F{yy}{MM}-{seq:000}", 7, "F2603-007")]
    [InlineData("INV-{seq}", 123456, "INV-123456")]
    [InlineData("{seq:00}", 100, "100")]
    public void Format_Pattern_WritesTheNumber(string pattern, long sequence, string expected) =>
        Assert.Equal(expected, new NumberSeries("s", pattern).Format(sequence, Day));

    [Fact]
    public void CounterKey_YearlyReset_ChangesWithTheYearOnly()
    {
        var yearly = new NumberSeries("invoices", "F{yyyy}-{seq:00000}", resetsYearly: true);
        var continuous = new NumberSeries("invoices", "F{yyyy}-{seq:00000}");

        Assert.Equal("invoices/2026", yearly.CounterKey(Day));
        Assert.Equal("invoices/2026", yearly.CounterKey(new LocalDate(2026, 12, 31)));
        Assert.Equal("invoices/2027", yearly.CounterKey(new LocalDate(2027, 1, 1)));
        Assert.Equal("invoices", continuous.CounterKey(new LocalDate(2027, 1, 1)));
    }

    [Theory]
    [InlineData("F{yyyy}-")]
    [InlineData("F{yyyy}-{seq")]
    [InlineData("F{dd}-{seq}")]
    [InlineData("F{seq:00a}")]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BadPattern_IsRefused(string pattern) =>
        Assert.Throws<ArgumentException>(() => new NumberSeries("s", pattern));

    [Fact]
    public void Constructor_NoId_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new NumberSeries(" ", "F{seq}"));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Format_SequenceNotPositive_IsRefused(long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSeries.DefaultInvoices.Format(sequence, Day));

    [Property]
    public Property Format_DistinctSequences_GiveDistinctNumbersThatSortInOrder(PositiveInt a, PositiveInt b)
    {
        var series = NumberSeries.DefaultInvoices;
        var first = series.Format(a.Get, Day);
        var second = series.Format(b.Get, Day);
        var sameOrder = a.Get < 100000 && b.Get < 100000
            ? Math.Sign(string.CompareOrdinal(first, second)) == Math.Sign(a.Get.CompareTo(b.Get))
            : true;
        return ((a.Get == b.Get) == (first == second) && sameOrder).ToProperty();
    }
}
