using System.Globalization;

namespace Invoicing.Core.Validation;

/// <summary>Collects issues without duplicates (same rule and path).</summary>
internal sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];
    private readonly HashSet<(string Rule, string Path)> _seen = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Add(ValidationIssue? issue)
    {
        if (issue is not null && _seen.Add((issue.RuleId ?? string.Empty, issue.Path ?? string.Empty)))
        {
            _issues.Add(issue);
        }
    }

    public void Error(string rule, string path, string message) => Add(ValidationIssue.Error(rule, path, message));

    public void Warning(string rule, string path, string message) => Add(ValidationIssue.Warning(rule, path, message));

    public static string At(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{index}]");

    public static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
