using Fluid;
using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>
/// The reminder templates by (language, template id), each with a subject, a plain-text and an HTML part, parsed once.
/// Immutable: <see cref="With"/> returns a copy with a template added or replaced.
/// </summary>
public sealed class ReminderTemplates
{
    private static readonly FluidParser Parser = new();
    private readonly Dictionary<(string Language, string TemplateId), ParsedTemplate> _templates;

    private ReminderTemplates(Dictionary<(string Language, string TemplateId), ParsedTemplate> templates) => _templates = templates;

    /// <summary>The built-in French and English templates.</summary>
    public static ReminderTemplates BuiltIn { get; } = BuildBuiltIn();

    /// <summary>The languages that have at least one template.</summary>
    public IEnumerable<string> Languages => _templates.Keys.Select(k => k.Language).Distinct(StringComparer.Ordinal);

    /// <summary>A copy with the template of (<paramref name="language"/>, <paramref name="templateId"/>) added or replaced.</summary>
    /// <exception cref="InvoiceValidationException">A blank language or id (DUN-TEMPLATE-ID), or a part that is not valid Liquid (DUN-TEMPLATE-SYNTAX, the path names the part).</exception>
    public ReminderTemplates With(string language, string templateId, string subject, string text, string html)
    {
        if (string.IsNullOrWhiteSpace(language) || string.IsNullOrWhiteSpace(templateId))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-TEMPLATE-ID", "templates", "A template needs a language and an id."));
        }

        var copy = new Dictionary<(string, string), ParsedTemplate>(_templates)
        {
            [(Normalize(language), templateId)] = Parse(Normalize(language), templateId, subject, text, html),
        };
        return new ReminderTemplates(copy);
    }

    /// <summary>Whether a template exists for a language.</summary>
    public bool Contains(string language, string templateId) => _templates.ContainsKey((Normalize(language), templateId));

    internal (ParsedTemplate Template, string Language) Find(string language, string templateId, string fallbackLanguage)
    {
        if (_templates.TryGetValue((Normalize(language), templateId), out var template))
        {
            return (template, Normalize(language));
        }

        if (_templates.TryGetValue((Normalize(fallbackLanguage), templateId), out template))
        {
            return (template, Normalize(fallbackLanguage));
        }

        throw new InvoiceValidationException(ValidationIssue.Error("DUN-TEMPLATE-MISSING", "templateId", $"No template '{templateId}' in '{language}' or '{fallbackLanguage}'."));
    }

    internal static string Normalize(string language) => language.Trim().ToLowerInvariant() switch
    {
        var l when l.Length > 2 && (l[2] == '-' || l[2] == '_') => l[..2],
        var l => l,
    };

    private static ReminderTemplates BuildBuiltIn()
    {
        var templates = new Dictionary<(string, string), ParsedTemplate>();
        foreach (var (language, id, subject, text, html) in BuiltInTemplates.All)
        {
            templates[(language, id)] = Parse(language, id, subject, text, html);
        }

        return new ReminderTemplates(templates);
    }

    private static ParsedTemplate Parse(string language, string id, string subject, string text, string html) => new(
        ParsePart(subject, $"templates.{language}.{id}.subject"),
        ParsePart(text, $"templates.{language}.{id}.text"),
        ParsePart(html, $"templates.{language}.{id}.html"));

    private static IFluidTemplate ParsePart(string source, string path)
    {
        if (source is null)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-TEMPLATE-SYNTAX", path, "The template part is missing."));
        }

        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvoiceValidationException(ValidationIssue.Error("DUN-TEMPLATE-SYNTAX", path, $"Not valid Liquid: {error}"));
    }

    internal sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Text, IFluidTemplate Html);
}
