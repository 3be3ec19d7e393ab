using System.Text;
using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.Conformance.Tests;

/// <summary>
/// The EN 16931 UBL rule tests of the corpus (<c>en16931/rule-tests-ubl</c>): each <c>&lt;test&gt;</c> holds a document
/// fragment and the rule outcomes it must give (<c>success</c>: the rule does not fire; <c>error</c> or
/// <c>warning</c>: it fires with that severity).
/// </summary>
internal static class RuleTestCorpus
{
    private static readonly XNamespace Vefa = "http://difi.no/xsd/vefa/validator/1.0";

    /// <summary>One expected rule outcome of one test.</summary>
    public sealed record Expectation(string File, int Test, string Kind, string RuleId, string Description, bool Met, string Got);

    /// <summary>
    /// Rule ids the tests still use under their EN 16931 1.0 names: IGIC (L) rules were BR-AF, IPSI (M) rules BR-AG;
    /// they are BR-IG and BR-IP today.
    /// </summary>
    public static string CurrentRuleId(string id) =>
        id.StartsWith("BR-AF-", StringComparison.Ordinal) ? "BR-IG-" + id[6..]
        : id.StartsWith("BR-AG-", StringComparison.Ordinal) ? "BR-IP-" + id[6..]
        : id;

    /// <summary>The family of a rule: <c>BR-CO-10</c> is BR-CO, <c>BR-S-08</c> is BR-S, <c>BR-16</c> is BR.</summary>
    public static string Family(string id)
    {
        var last = id.LastIndexOf('-');
        return last > 0 && id[(last + 1)..].All(char.IsAsciiDigit) ? id[..last] : id;
    }

    public static List<Expectation> RunAll()
    {
        var results = new List<Expectation>();
        var root = UblCorpus.Path("en16931/rule-tests-ubl");
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            var number = 0;
            foreach (var test in XDocument.Load(file).Root!.Elements(Vefa + "test"))
            {
                number++;
                var assert = test.Element(Vefa + "assert")!;
                var description = ((string?)assert.Element(Vefa + "description") ?? string.Empty).Trim();
                var fragment = test.Elements().First(e => e.Name.Namespace != Vefa);
                var issues = Validate(fragment, out var failure);
                foreach (var expected in assert.Elements().Where(e => e.Name.LocalName is "success" or "error" or "warning"))
                {
                    var rule = CurrentRuleId(expected.Value.Trim());
                    var fired = issues.Where(i => i.RuleId == rule).ToList();
                    var met = failure is null && expected.Name.LocalName switch
                    {
                        "success" => fired.Count == 0,
                        "error" => fired.Any(i => i.Severity == ValidationSeverity.Error),
                        _ => fired.Any(i => i.Severity == ValidationSeverity.Warning),
                    };
                    var got = failure ?? (fired.Count == 0 ? "not fired" : string.Join(" | ", fired.Select(i => $"{i.Severity} at {i.Path}")));
                    results.Add(new Expectation(name, number, expected.Name.LocalName, rule, description, met, got));
                }
            }
        }

        return results;
    }

    private static IReadOnlyList<ValidationIssue> Validate(XElement fragment, out string? failure)
    {
        failure = null;
        try
        {
            return UblSyntaxRules.Validate(Encoding.UTF8.GetBytes(fragment.ToString(SaveOptions.DisableFormatting)));
        }
        catch (InvoiceFormatException exception)
        {
            failure = "refused: " + exception.Message;
            return [];
        }
    }

    /// <summary>The agreement table (per family, then the total) and every miss, as Markdown.</summary>
    public static string Report(List<Expectation> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| family | expectations | agreed | rate |").AppendLine("|---|---:|---:|---:|");
        foreach (var family in results.GroupBy(r => Family(r.RuleId)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var agreed = family.Count(r => r.Met);
            builder.AppendLine(System.FormattableString.Invariant($"| {family.Key} | {family.Count()} | {agreed} | {100.0 * agreed / family.Count():0.0} % |"));
        }

        var total = results.Count(r => r.Met);
        builder.AppendLine(System.FormattableString.Invariant($"| **all** | {results.Count} | {total} | {100.0 * total / results.Count:0.0} % |"));
        builder.AppendLine().AppendLine("Misses:").AppendLine();
        foreach (var miss in results.Where(r => !r.Met))
        {
            builder.AppendLine(System.FormattableString.Invariant($"- {miss.File} test {miss.Test}: expected {miss.Kind} {miss.RuleId}, got {miss.Got} ({miss.Description})"));
        }

        return builder.ToString();
    }
}
