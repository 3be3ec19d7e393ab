using System.Text;
using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Xml;

/// <summary>Element paths for error messages (<c>/CrossIndustryInvoice/ExchangedDocument/ID</c>) and the typed errors that use them.</summary>
internal static class XmlPath
{
    /// <summary>The path of an element from the root, by local names, with a 1-based position where siblings share the name.</summary>
    public static string Of(XElement element, string? child = null)
    {
        var parts = new List<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var parent = current.Parent;
            var name = current.Name.LocalName;
            if (parent is not null)
            {
                var position = 0;
                var count = 0;
                foreach (var sibling in parent.Elements(current.Name))
                {
                    count++;
                    if (ReferenceEquals(sibling, current))
                    {
                        position = count;
                    }
                }

                if (count > 1)
                {
                    name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}[{position}]");
                }
            }

            parts.Add(name);
        }

        var builder = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            builder.Append('/').Append(parts[i]);
        }

        if (child is not null)
        {
            builder.Append('/').Append(child);
        }

        return builder.ToString();
    }

    /// <summary>The error for a mandatory element that is absent or empty.</summary>
    public static InvoiceFormatException Missing(XElement parent, string child, string term) =>
        new($"The mandatory element {child} ({term}) is missing or empty (XML-MANDATORY).", Of(parent, child));

    /// <summary>The error for a value that is not one of its code list.</summary>
    public static InvoiceFormatException BadCode(XElement element, string value, string list) =>
        new($"'{value}' is not a code of {list} (XML-CODE).", Of(element));
}
