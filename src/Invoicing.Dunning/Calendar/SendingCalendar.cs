using NodaTime;

namespace Invoicing.Dunning;

/// <summary>Which days reminders may be sent on, in the customer's time zone.</summary>
public sealed record SendingCalendar
{
    /// <summary>Every day.</summary>
    public static SendingCalendar EveryDay { get; } = new();

    /// <summary>Monday to Friday, except French public holidays.</summary>
    public static SendingCalendar FrenchBusinessDays { get; } = new() { ExcludeWeekends = true, ExcludeFrenchPublicHolidays = true };

    /// <summary>Whether Saturdays and Sundays are excluded.</summary>
    public bool ExcludeWeekends { get; init; }

    /// <summary>Whether French public holidays are excluded.</summary>
    public bool ExcludeFrenchPublicHolidays { get; init; }

    /// <summary>Whether reminders may go out on <paramref name="date"/>.</summary>
    public bool IsSendingDay(LocalDate date)
    {
        if (ExcludeWeekends && date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            return false;
        }

        return !(ExcludeFrenchPublicHolidays && FrenchPublicHolidays.IsHoliday(date));
    }
}
