using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>What lateness costs the debtor on a given day.</summary>
/// <param name="DaysLate">Days after the due date (0 when not late).</param>
/// <param name="Interest">Late-payment interest on the amount due, rounded to the currency.</param>
/// <param name="RecoveryIndemnity">The fixed recovery indemnity (EUR 40 per invoice), 0 when not late.</param>
/// <param name="AnnualRatePercent">The annual rate in force on the last day counted (0 when not late).</param>
/// <param name="Currency">The currency of the amounts.</param>
public sealed record LatePaymentCosts(int DaysLate, decimal Interest, decimal RecoveryIndemnity, decimal AnnualRatePercent, Currency Currency)
{
    /// <summary>Interest plus indemnity.</summary>
    public decimal Total => Interest + RecoveryIndemnity;

    /// <summary>Nothing owed (not late).</summary>
    public static LatePaymentCosts None(Currency currency) => new(0, 0m, 0m, 0m, currency);
}
