using NodaTime;

namespace Invoicing.Dunning;

/// <summary>What the planner needs besides the invoices.</summary>
public sealed record DunningPlannerOptions
{
    /// <summary>The policies; the default policy alone unless set.</summary>
    public DunningPolicySet Policies { get; init; } = new(DunningPolicy.Default());

    /// <summary>Sending days; every day unless set.</summary>
    public SendingCalendar Calendar { get; init; } = SendingCalendar.EveryDay;

    /// <summary>The time zone of customers without one (and of unknown zone ids): Europe/Paris unless set.</summary>
    public DateTimeZone DefaultTimeZone { get; init; } = DateTimeZoneProviders.Tzdb["Europe/Paris"];
}
