using System.Text.Json.Serialization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A customer's recurring invoice: a rhythm, a span (start, optional end and count of periods), the customer's time
/// zone and a template draft. The runner issues one invoice per period (or one for several missed periods, see
/// <see cref="CatchUp"/>), each exactly once. Checked by <see cref="RecurringRules.CheckSchedule"/> when saved.
/// </summary>
public sealed record RecurringSchedule
{
    /// <summary>The longest schedule id accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The host's id of the schedule (a subscription or contract number), unique in the store.</summary>
    public required string Id { get; init; }

    /// <summary>The rhythm: which dates the periods begin on.</summary>
    public required Recurrence Recurrence { get; init; }

    /// <summary>The first day billed. When it is not an anchor date, the first period is partial.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The last day billed, included; null for no end. When it is not the day before an anchor, the last period is partial.</summary>
    public LocalDate? End { get; init; }

    /// <summary>How many periods are billed at most (a partial first period counts as one); null for no limit.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// The customer's IANA time zone (<c>Europe/Paris</c>, <c>America/New_York</c>): an occurrence falls due at the start
    /// of its day there, whatever the time zone of the server that runs it.
    /// </summary>
    public required string TimeZone { get; init; }

    /// <summary>
    /// The draft each invoice is made from: seller, buyer, currency, lines for one full period, payment terms. Its issue
    /// date is replaced by the day of issue, its due date moved by the same number of days, and its invoicing period
    /// (BG-14) and each line's period (BG-26) set to the period billed.
    /// </summary>
    public required Invoice Template { get; init; }

    /// <summary>Whether an occurrence falls due on its period's first day (default) or last day.</summary>
    public BillingTiming Timing { get; init; } = BillingTiming.InAdvance;

    /// <summary>One invoice per missed period (default) or one combined invoice after an outage or a hold.</summary>
    public CatchUpMode CatchUp { get; init; } = CatchUpMode.OnePerPeriod;

    /// <summary>
    /// How a partial period is billed. <see cref="ProrationMode.ByDays"/> (default) scales each line's quantity by the
    /// days billed and its base quantity (BT-149) by the days of the full period: the calculator's one rounding of
    /// price x quantity / base quantity then gives the prorated amount to the cent, no decimal is cut short, and a credit
    /// note that copies the line cancels it exactly. Line allowances and charges are scaled by the same fraction and
    /// rounded to the minor unit; document-level ones are not prorated.
    /// </summary>
    public ProrationMode Proration { get; init; } = ProrationMode.ByDays;

    /// <summary>The customer the schedule bills, read from the template's buyer (see <see cref="Invoice.CustomerKey"/>).</summary>
    [JsonIgnore]
    public string CustomerKey => Template.CustomerKey;
}
