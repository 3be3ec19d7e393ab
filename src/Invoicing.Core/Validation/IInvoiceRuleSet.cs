namespace Invoicing.Core;

/// <summary>
/// Extra rules that another package adds to <see cref="InvoiceValidator"/>, for example syntax-level rules that compare
/// the totals a CII or UBL file states with the computed ones. A rule set reports issues; it should not throw
/// (if it does, the validator reports rule <c>INV-RULESET</c> instead of failing).
/// </summary>
public interface IInvoiceRuleSet
{
    /// <summary>Checks <paramref name="invoice"/>.</summary>
    /// <param name="invoice">The invoice being validated.</param>
    /// <param name="totals">Its computed totals, or null when they cannot be computed (the reasons are already reported).</param>
    /// <returns>The issues found; empty when none.</returns>
    IEnumerable<ValidationIssue> Check(Invoice invoice, InvoiceTotals? totals);
}
