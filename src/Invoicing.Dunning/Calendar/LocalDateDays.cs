using NodaTime;

namespace Invoicing.Dunning;

/// <summary>Day arithmetic without allocating a <see cref="Period"/>.</summary>
internal static class LocalDateDays
{
    /// <summary>A day number: consecutive days differ by one.</summary>
    public static long ToEpochDay(this LocalDate date) => date.ToDateOnly().DayNumber;
}
