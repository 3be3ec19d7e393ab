namespace Invoicing.Core;

/// <summary>What the runner issues when several periods of one schedule are due at once (after an outage or a hold).</summary>
public enum CatchUpMode
{
    /// <summary>One invoice per missed period, oldest first: each invoice looks as it would have on time.</summary>
    OnePerPeriod = 1,

    /// <summary>One invoice for all the missed periods, with the template's lines once per period, each with its period (BG-26).</summary>
    Combined = 2,
}
