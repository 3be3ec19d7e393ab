namespace Invoicing.Core;

/// <summary>How serious a validation finding is.</summary>
public enum ValidationSeverity
{
    /// <summary>The document is valid but something deserves attention.</summary>
    Warning,

    /// <summary>The document breaks a rule and must not be issued or sent.</summary>
    Error,
}

/// <summary>One broken rule: which rule, how serious, where, and what to do about it.</summary>
/// <param name="RuleId">The rule identifier: EN 16931 (<c>BR-16</c>, <c>BR-CO-10</c>, <c>BR-S-08</c>), French (<c>FR-SIREN</c>) or ours.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">A sentence a person can act on.</param>
/// <param name="Path">The field, as a JSON-like path into the invoice: <c>lines[2].vatRate</c>, <c>seller.legalId</c>.</param>
public sealed record ValidationIssue(string RuleId, ValidationSeverity Severity, string Message, string Path)
{
    /// <summary>An error.</summary>
    public static ValidationIssue Error(string ruleId, string path, string message) => new(ruleId, ValidationSeverity.Error, message, path);

    /// <summary>A warning.</summary>
    public static ValidationIssue Warning(string ruleId, string path, string message) => new(ruleId, ValidationSeverity.Warning, message, path);

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} [{Severity}] {Path}: {Message}";
}
