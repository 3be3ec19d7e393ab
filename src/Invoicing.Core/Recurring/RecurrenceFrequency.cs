namespace Invoicing.Core;

/// <summary>How often a recurring schedule bills; see <see cref="Recurrence"/> for the anchor dates of each.</summary>
public enum RecurrenceFrequency
{
    /// <summary>Every month on a day of the month (1 to 31), clamped to the month's length.</summary>
    MonthlyOnDay = 1,

    /// <summary>Every month on its last day (the 28th, 29th, 30th or 31st).</summary>
    EndOfMonth = 2,

    /// <summary>Every three months on a day of the month, from a first month of the quarter (January, February or March).</summary>
    Quarterly = 3,

    /// <summary>Every year on a month and day; 29 February falls on 28 February in common years.</summary>
    Yearly = 4,

    /// <summary>Every N weeks from the schedule's start date.</summary>
    Weekly = 5,
}
