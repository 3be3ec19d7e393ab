namespace Invoicing.Core;

/// <summary>How one customer is to be reminded. Absent settings mean: defaults, not opted out.</summary>
public sealed record DunningCustomerSettings
{
    /// <summary>The customer (<see cref="Invoice.CustomerKey"/>).</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Whether the customer receives no reminders at all.</summary>
    public bool OptedOut { get; init; }

    /// <summary>The language of the reminders (<c>fr</c>, <c>en</c>); the runner's default when null.</summary>
    public string? Language { get; init; }

    /// <summary>The customer's IANA time zone (<c>Europe/Paris</c>); the runner's default when null.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The dunning policy (or segment's policy) to apply; the default policy when null.</summary>
    public string? PolicyId { get; init; }

    /// <summary>Where reminders go; the buyer contact's e-mail (BT-58) when null.</summary>
    public string? Email { get; init; }
}
