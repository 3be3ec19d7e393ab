using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// Validation against the UBL 2.1 schemas of the corpus (<c>schemas/ubl-2.1</c>). That copy lacks
/// <c>UBL-CommonAggregateComponents-2.1.xsd</c>, so the maindoc schemas cannot be compiled whole. What can be
/// checked is checked: the root element's children against the Invoice / CreditNote XSD sequence (order,
/// cardinality, mandatory elements), and every <c>cbc:</c> element against its declaration in
/// UBL-CommonBasicComponents-2.1.xsd (data type, required attributes such as <c>currencyID</c>).
/// </summary>
internal static class UblSchema
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly Lazy<XmlSchemaSet> BasicComponents = new(LoadBasicComponents);
    private static readonly Lazy<List<Particle>> InvoiceSequence = new(() => RootSequence("UBL-Invoice-2.1.xsd", "InvoiceType"));
    private static readonly Lazy<List<Particle>> CreditNoteSequence = new(() => RootSequence("UBL-CreditNote-2.1.xsd", "CreditNoteType"));

    private sealed record Particle(XName Name, int Min, int Max);

    public static string RepositoryRoot { get; } = typeof(UblSchema).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Corpus(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));

    /// <summary>Every schema error found; empty when the document is valid as far as the corpus schemas allow.</summary>
    public static List<string> Validate(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        var document = XDocument.Load(stream);
        var root = document.Root!;
        var errors = new List<string>();
        var sequence = root.Name.LocalName == "CreditNote" ? CreditNoteSequence.Value : InvoiceSequence.Value;
        CheckSequence(root, sequence, errors);
        foreach (var element in root.Descendants().Where(e => e.Name.NamespaceName == Cbc))
        {
            var single = new XDocument(new XElement(element));
            single.Validate(BasicComponents.Value, (_, e) => errors.Add($"{element.Name.LocalName}: {e.Message}"));
        }

        return errors;
    }

    private static void CheckSequence(XElement root, List<Particle> sequence, List<string> errors)
    {
        var position = 0;
        var counts = new Dictionary<XName, int>();
        foreach (var child in root.Elements())
        {
            while (position < sequence.Count && sequence[position].Name != child.Name)
            {
                position++;
            }

            if (position == sequence.Count)
            {
                errors.Add($"{child.Name.LocalName}: not allowed here (out of the XSD sequence order or unknown)");
                return;
            }

            counts[child.Name] = counts.GetValueOrDefault(child.Name) + 1;
            if (counts[child.Name] > sequence[position].Max)
            {
                errors.Add($"{child.Name.LocalName}: occurs more than {sequence[position].Max} time(s)");
            }
        }

        foreach (var particle in sequence.Where(p => p.Min > 0 && !counts.ContainsKey(p.Name)))
        {
            errors.Add($"{particle.Name.LocalName}: mandatory element missing");
        }
    }

    private static List<Particle> RootSequence(string file, string typeName)
    {
        var schema = XDocument.Load(Corpus("schemas/ubl-2.1/maindoc/" + file)).Root!;
        var type = schema.Elements(XName.Get("complexType", Xsd)).Single(t => (string?)t.Attribute("name") == typeName);
        return type.Descendants(XName.Get("element", Xsd)).Select(e =>
        {
            var reference = (string)e.Attribute("ref")!;
            var colon = reference.IndexOf(':', StringComparison.Ordinal);
            var ns = schema.GetNamespaceOfPrefix(reference[..colon])!;
            var max = (string?)e.Attribute("maxOccurs");
            return new Particle(
                ns + reference[(colon + 1)..],
                int.Parse((string?)e.Attribute("minOccurs") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
                max == "unbounded" ? int.MaxValue : int.Parse(max ?? "1", System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
    }

    private static XmlSchemaSet LoadBasicComponents()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Corpus("schemas/ubl-2.1/common/UBL-CommonBasicComponents-2.1.xsd"));
        set.Compile();
        return set;
    }
}
