namespace Invoicing.Core;

/// <summary>How a partial first or last period (a start or end date between two anchor dates) is billed.</summary>
public enum ProrationMode
{
    /// <summary>
    /// By days: the template's price times the days billed over the days of the full period, rounded once by the
    /// calculator (see <see cref="RecurringSchedule.Proration"/>).
    /// </summary>
    ByDays = 1,

    /// <summary>At the full price, whatever the number of days.</summary>
    None = 2,
}
