using NodaTime;

namespace Invoicing.Dunning;

/// <summary>Options of the dunning runner, validated when the host starts.</summary>
public sealed class DunningOptions
{
    /// <summary>The policies; the default policy alone unless set.</summary>
    public DunningPolicySet Policies { get; set; } = new(DunningPolicy.Default());

    /// <summary>Sending days; French business days (no weekend, no public holiday) unless set.</summary>
    public SendingCalendar Calendar { get; set; } = SendingCalendar.FrenchBusinessDays;

    /// <summary>The IANA time zone of customers without one: <c>Europe/Paris</c>.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Paris";

    /// <summary>Rendering: templates, default language, rate table, links.</summary>
    public ReminderRenderOptions Rendering { get; set; } = new();

    /// <summary>This worker's id in the journal; unique per process by default.</summary>
    public string WorkerId { get; set; } = "worker-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How long a claim holds before another worker may take it over: 10 minutes. Longer than one send with its retries.</summary>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(10);

    /// <summary>Attempts before a transiently failing reminder is given up: 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first transient failure, doubled after each: 15 minutes.</summary>
    public Duration RetryBackoff { get; set; } = Duration.FromMinutes(15);

    /// <summary>The domain part of Message-IDs; also what makes them unique to the sender.</summary>
    public string MessageIdDomain { get; set; } = "reminders.invoicing.invalid";

    /// <summary>The From address; the transport's default when null.</summary>
    public string? From { get; set; }

    /// <summary>Whether the hosted service runs the runner on a schedule: true.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Time between two background runs: 1 hour.</summary>
    public TimeSpan RunInterval { get; set; } = TimeSpan.FromHours(1);
}
