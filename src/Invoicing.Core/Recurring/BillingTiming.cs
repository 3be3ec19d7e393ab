namespace Invoicing.Core;

/// <summary>Which day of its period an occurrence falls due on.</summary>
public enum BillingTiming
{
    /// <summary>On the period's first day: the customer pays for the period ahead (subscriptions).</summary>
    InAdvance = 1,

    /// <summary>On the period's last day: the customer pays for the period just served (retainers, usage).</summary>
    InArrears = 2,
}
