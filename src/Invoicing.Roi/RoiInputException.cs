namespace Invoicing.Roi;

/// <summary>One input the model cannot accept: which field, which rule, and why.</summary>
/// <param name="Field">The input, as named in <see cref="RoiInputs"/> in camel case (<c>invoicesPerMonth</c>, <c>investment</c>).</param>
/// <param name="Rule">The rule broken: <c>ROI-NEGATIVE</c>, <c>ROI-FRACTION</c>, <c>ROI-ZERO-INVESTMENT</c>, <c>ROI-TOO-LARGE</c>.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record RoiInputIssue(string Field, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule} {Field}: {Message}";
}

/// <summary>Thrown when the inputs of the model are out of range; lists every field at fault.</summary>
public sealed class RoiInputException : ArgumentException
{
    /// <summary>Creates the exception from the issues found (at least one).</summary>
    public RoiInputException(IReadOnlyList<RoiInputIssue> issues)
        : base(Describe(issues), issues is { Count: > 0 } ? issues[0].Field : null)
    {
        Issues = issues;
    }

    /// <summary>Every input at fault.</summary>
    public IReadOnlyList<RoiInputIssue> Issues { get; }

    private static string Describe(IReadOnlyList<RoiInputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return issues.Count == 1 ? issues[0].ToString() : string.Join("; ", issues);
    }
}
