namespace Invoicing.Core;

/// <summary>Everything <see cref="InvoiceValidator"/> found: errors make the invoice invalid, warnings do not.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result from its issues.</summary>
    public ValidationResult(IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = issues;
    }

    /// <summary>Every issue, in the order the rules found them.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>True when no issue is an error.</summary>
    public bool IsValid => !Issues.Any(i => i.Severity == ValidationSeverity.Error);

    /// <summary>The errors.</summary>
    public IReadOnlyList<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error).ToArray();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<ValidationIssue> Warnings => Issues.Where(i => i.Severity == ValidationSeverity.Warning).ToArray();

    /// <summary>Whether an issue of rule <paramref name="ruleId"/> was found.</summary>
    public bool Has(string ruleId) => Issues.Any(i => string.Equals(i.RuleId, ruleId, StringComparison.Ordinal));

    /// <summary>Throws <see cref="InvoiceValidationException"/> with the errors when the invoice is invalid.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InvoiceValidationException(Errors);
        }
    }
}
