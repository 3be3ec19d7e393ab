using System.Globalization;

namespace Invoicing.Core;

/// <summary>
/// The rhythm of a recurring schedule: the anchor dates on which its periods begin. A period runs from one anchor to
/// the day before the next; a schedule that starts or ends between two anchors has a partial first or last period.
/// Made by the factory methods, which refuse out-of-range values.
/// </summary>
public sealed record Recurrence
{
    /// <summary>The most weeks between two anchors of a weekly rhythm (ten years).</summary>
    public const int MaxWeeks = 520;

    private Recurrence(RecurrenceFrequency frequency, int dayOfMonth, int month, int weeks)
    {
        Frequency = frequency;
        DayOfMonth = dayOfMonth;
        Month = month;
        Weeks = weeks;
    }

    /// <summary>The kind of rhythm.</summary>
    public RecurrenceFrequency Frequency { get; }

    /// <summary>The anchor day of the month (1 to 31, clamped to short months); 31 for <see cref="RecurrenceFrequency.EndOfMonth"/>, 0 for weekly.</summary>
    public int DayOfMonth { get; }

    /// <summary>The anchor month: the year's month (yearly), the first month of the quarters (quarterly, 1 to 3); 0 otherwise.</summary>
    public int Month { get; }

    /// <summary>Weeks between anchors (weekly); 0 otherwise.</summary>
    public int Weeks { get; }

    /// <summary>Every month on <paramref name="day"/>; in a month shorter than that, on its last day (31 gives 30 April, 28 or 29 February).</summary>
    /// <exception cref="InvoiceValidationException">REC-DAY: the day is not within 1 to 31.</exception>
    public static Recurrence MonthlyOnDay(int day) => new(RecurrenceFrequency.MonthlyOnDay, Day(day), 0, 0);

    /// <summary>Every month on its last day (the same anchors as <c>MonthlyOnDay(31)</c>, said plainly).</summary>
    public static Recurrence EndOfMonth() => new(RecurrenceFrequency.EndOfMonth, 31, 0, 0);

    /// <summary>Every three months on <paramref name="day"/> (clamped), in <paramref name="firstMonth"/> and every third month after it: 1 for January, April, July, October.</summary>
    /// <exception cref="InvoiceValidationException">REC-DAY or REC-MONTH: the day is not within 1 to 31 or the month within 1 to 3.</exception>
    public static Recurrence Quarterly(int day = 1, int firstMonth = 1)
    {
        if (firstMonth is < 1 or > 3)
        {
            throw Refuse("REC-MONTH", "recurrence.month", string.Create(CultureInfo.InvariantCulture, $"The first month of the quarters must be 1, 2 or 3 (January, February or March), not {firstMonth}."));
        }

        return new(RecurrenceFrequency.Quarterly, Day(day), firstMonth, 0);
    }

    /// <summary>Every year on <paramref name="month"/> and <paramref name="day"/>; a day beyond the month's length (29 February in a common year) falls on its last day.</summary>
    /// <exception cref="InvoiceValidationException">REC-MONTH or REC-DAY: the month is not within 1 to 12 or the day within 1 to 31.</exception>
    public static Recurrence Yearly(int month, int day)
    {
        if (month is < 1 or > 12)
        {
            throw Refuse("REC-MONTH", "recurrence.month", string.Create(CultureInfo.InvariantCulture, $"The month must be within 1 to 12, not {month}."));
        }

        return new(RecurrenceFrequency.Yearly, Day(day), month, 0);
    }

    /// <summary>Every <paramref name="weeks"/> weeks, the schedule's start date being the first anchor.</summary>
    /// <exception cref="InvoiceValidationException">REC-WEEKS: not within 1 to <see cref="MaxWeeks"/>.</exception>
    public static Recurrence EveryWeeks(int weeks)
    {
        if (weeks is < 1 or > MaxWeeks)
        {
            throw Refuse("REC-WEEKS", "recurrence.weeks", string.Create(CultureInfo.InvariantCulture, $"The number of weeks between invoices must be within 1 to {MaxWeeks}, not {weeks}."));
        }

        return new(RecurrenceFrequency.Weekly, 0, 0, weeks);
    }

    /// <inheritdoc />
    public override string ToString() => Frequency switch
    {
        RecurrenceFrequency.MonthlyOnDay => string.Create(CultureInfo.InvariantCulture, $"monthly on day {DayOfMonth}"),
        RecurrenceFrequency.EndOfMonth => "monthly at month end",
        RecurrenceFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"quarterly on day {DayOfMonth} from month {Month}"),
        RecurrenceFrequency.Yearly => string.Create(CultureInfo.InvariantCulture, $"yearly on {Month:00}-{DayOfMonth:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"every {Weeks} week(s)"),
    };

    private static int Day(int day) => day is >= 1 and <= 31
        ? day
        : throw Refuse("REC-DAY", "recurrence.dayOfMonth", string.Create(CultureInfo.InvariantCulture, $"The day of the month must be within 1 to 31, not {day}."));

    private static InvoiceValidationException Refuse(string rule, string path, string message) => new(ValidationIssue.Error(rule, path, message));
}
