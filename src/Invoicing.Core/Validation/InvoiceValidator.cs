using Invoicing.Core.Validation;

namespace Invoicing.Core;

/// <summary>
/// Checks an invoice against the EN 16931 business rules that apply to this model and the French rules, and returns
/// every issue (rule id, severity, message, field path such as <c>lines[2].vatRate</c>). Pure; never throws on bad data:
/// null parties, null list elements, absurd values and overflows come back as issues. The full list of rules is in
/// <c>docs/validation-rules.md</c>:
/// <list type="bullet">
/// <item>BR-02..BR-65: mandatory fields and groups (number when given, issue date, type, currency, seller and buyer name,
/// address and country, at least one line, line id, unit, item name, price not negative, periods, allowance and charge
/// VAT category and reason, payment means and accounts, preceding invoice number, electronic address schemes, the seller
/// tax representative's name, address, country and VAT id (BR-18, BR-19, BR-20, BR-56)...).</item>
/// <item>BR-CO-03, 04, 09, 19, 20, 25, 26; the totals rules hold by construction (the calculator computes them).</item>
/// <item>BR-S/Z/E/AE/IC(K)/G/O/AF(L)/AG(M)/B-*: identifiers, rates and exemption reasons per VAT category (the tax
/// representative's VAT id, BT-63, counts where EN 16931 accepts it for the seller's); BR-CL-14 and BR-CL-22 code lists.</item>
/// <item>BR-DEC-*: stated amounts have at most the currency's minor digits.</item>
/// <item>FR-01..FR-10 when the seller is French: SIREN present and valid, buyer SIREN in French B2B, PMD and PMT mentions,
/// payment within 60 days or 45 days end of month, credit notes reference the original, billing mode BT-23, VAT key.</item>
/// </list>
/// Other packages add rules (for example stated totals versus computed ones) through <see cref="IInvoiceRuleSet"/>.
/// </summary>
public static class InvoiceValidator
{
    /// <summary>Validates <paramref name="invoice"/> with the built-in rules.</summary>
    public static ValidationResult Validate(Invoice? invoice) => Validate(invoice, null);

    /// <summary>Validates <paramref name="invoice"/> with the built-in rules and <paramref name="ruleSets"/>.</summary>
    public static ValidationResult Validate(Invoice? invoice, IEnumerable<IInvoiceRuleSet>? ruleSets)
    {
        var issues = new IssueCollector();
        if (invoice is null)
        {
            issues.Error("INV-NULL", "$", "There is no invoice to validate.");
            return new ValidationResult(issues.Issues);
        }

        Run(issues, "document", () => DocumentRules.Check(invoice, issues));
        var totals = Compute(invoice, issues);
        Run(issues, "composite", () => CompositeRules.Check(invoice, totals, issues));
        Run(issues, "vat", () => VatCategoryRules.Check(invoice, issues));
        Run(issues, "decimals", () => DecimalRules.Check(invoice, issues));
        Run(issues, "french", () =>
        {
            if (FrenchRules.Applies(invoice))
            {
                FrenchRules.Check(invoice, issues);
            }
        });

        foreach (var ruleSet in ruleSets ?? [])
        {
            if (ruleSet is null)
            {
                continue;
            }

            Run(issues, ruleSet.GetType().Name, () =>
            {
                foreach (var issue in ruleSet.Check(invoice, totals) ?? [])
                {
                    issues.Add(issue);
                }
            });
        }

        return new ValidationResult(issues.Issues);
    }

    private static InvoiceTotals? Compute(Invoice invoice, IssueCollector issues)
    {
        try
        {
            return InvoiceCalculator.Calculate(invoice);
        }
        catch (InvoiceValidationException exception)
        {
            foreach (var issue in exception.Issues)
            {
                issues.Add(issue);
            }

            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException or InvalidOperationException or NullReferenceException)
        {
            issues.Error("INV-CALCULATION", "totals", $"The totals cannot be computed: {exception.Message}");
            return null;
        }
    }

    /// <summary>Runs one group of rules; a failure inside it becomes an issue instead of an exception.</summary>
    private static bool Run(IssueCollector issues, string group, Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not StackOverflowException)
        {
            issues.Error(group is "document" or "composite" or "vat" or "decimals" or "french" ? "INV-CHECK" : "INV-RULESET", "$", $"The {group} rules could not be checked: {exception.GetType().Name}: {exception.Message}");
            return false;
        }
    }
}
