using NodaTime;

namespace Invoicing.Core;

/// <summary>Options of the recurring invoice runner, validated when the host starts.</summary>
public sealed class RecurringOptions
{
    /// <summary>This worker's id in the occurrence ledger; unique per process by default.</summary>
    public string WorkerId { get; set; } = "recurring-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How long a claim holds before another worker may take it over: 10 minutes, far longer than one issue.</summary>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(10);

    /// <summary>The most periods of one schedule claimed in one run (a catch-up after years is spread over runs): 120.</summary>
    public int MaxPeriodsPerRun { get; set; } = 120;
}
