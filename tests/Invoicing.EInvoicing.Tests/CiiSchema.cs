using System.Xml;
using System.Xml.Schema;

namespace Invoicing.EInvoicing.Tests;

/// <summary>The CII D16B schema of the corpus, loaded once, and validation that lists every error.</summary>
internal static class CiiSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, CiiTestPaths.Corpus("schemas/cii-d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd"));
        set.Compile();
        return set;
    }

    public static List<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var stream = new MemoryStream(xml);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
