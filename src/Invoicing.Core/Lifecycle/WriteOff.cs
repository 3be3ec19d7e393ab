using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A request to write off what remains to be paid on an invoice: the debt is given up as uncollectable (the customer
/// went bankrupt, the amount is not worth chasing). The document does not change; its account closes.
/// </summary>
/// <param name="InvoiceNumber">The invoice written off.</param>
/// <param name="Date">The day of the decision, on or after the issue date.</param>
/// <param name="Reason">Why, for the audit trail; 1 to <see cref="MaxReasonLength"/> characters.</param>
public sealed record WriteOff(string InvoiceNumber, LocalDate Date, string Reason)
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 500;
}

/// <summary>A write-off recorded on an account.</summary>
/// <param name="Date">The day of the decision.</param>
/// <param name="Amount">The balance given up, in the invoice currency.</param>
/// <param name="Reason">Why.</param>
public sealed record AppliedWriteOff(LocalDate Date, decimal Amount, string Reason);
