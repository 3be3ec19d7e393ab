namespace Invoicing.Core;

/// <summary>
/// Thrown when an operation is given an invoice (or invoice data) it cannot accept. Lists every rule broken,
/// each with the rule id and the field, so the caller can show them all at once.
/// </summary>
public sealed class InvoiceValidationException : Exception
{
    /// <summary>Creates the exception from the issues found.</summary>
    public InvoiceValidationException(IEnumerable<ValidationIssue> issues)
        : this(issues.ToValueList())
    {
    }

    /// <summary>Creates the exception for one issue.</summary>
    public InvoiceValidationException(ValidationIssue issue)
        : this(ValueList.Create([issue]))
    {
    }

    /// <summary>Creates the exception for one issue, keeping the underlying cause.</summary>
    public InvoiceValidationException(ValidationIssue issue, Exception innerException)
        : base(Describe(ValueList.Create([issue])), innerException)
    {
        Issues = ValueList.Create([issue]);
    }

    private InvoiceValidationException(ValueList<ValidationIssue> issues)
        : base(Describe(issues))
    {
        Issues = issues;
    }

    /// <summary>Every issue found; at least one.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    private static string Describe(ValueList<ValidationIssue> issues) => issues.Count switch
    {
        0 => "The invoice is invalid.",
        1 => issues[0].ToString(),
        _ => $"{issues.Count} rules broken: {string.Join("; ", issues.Select(i => i.ToString()))}",
    };
}
