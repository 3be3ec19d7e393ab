using System.Globalization;
using System.Security;
using System.Text;

namespace Invoicing.Pdf.FacturX;

/// <summary>
/// The XMP metadata of a Factur-X PDF/A-3b: PDF/A identification, Dublin Core, the producer and dates (equal to the
/// information dictionary), and the Factur-X extension schema with its fx: properties. Every value is XML-escaped.
/// </summary>
internal static class XmpPacket
{
    public static byte[] Build(XmpFields fields)
    {
        var b = new StringBuilder(4096);
        b.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        b.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        b.Append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        var facturX = fields.ConformanceLevel is not null;
        if (facturX)
        {
            b.Append("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
            b.Append("   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n  </rdf:Description>\n");
        }

        b.Append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        b.Append("   <dc:format>application/pdf</dc:format>\n");
        b.Append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(fields.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        b.Append("   <dc:creator><rdf:Seq><rdf:li>").Append(E(fields.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        b.Append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(fields.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        b.Append("  </rdf:Description>\n");
        b.Append("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        b.Append("   <pdf:Producer>").Append(E(fields.Producer)).Append("</pdf:Producer>\n  </rdf:Description>\n");
        var date = fields.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        b.Append("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        b.Append("   <xmp:CreatorTool>").Append(E(fields.CreatorTool)).Append("</xmp:CreatorTool>\n");
        b.Append("   <xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n");
        b.Append("   <xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n");
        b.Append("   <xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n  </rdf:Description>\n");
        if (!facturX)
        {
            b.Append(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(b.ToString());
        }

        b.Append("  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"");
        b.Append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
        b.Append("   <pdfaExtension:schemas>\n    <rdf:Bag>\n     <rdf:li rdf:parseType=\"Resource\">\n");
        b.Append("      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n");
        b.Append("      <pdfaSchema:namespaceURI>").Append(FacturXConformance.Namespace).Append("</pdfaSchema:namespaceURI>\n");
        b.Append("      <pdfaSchema:prefix>fx</pdfaSchema:prefix>\n      <pdfaSchema:property>\n       <rdf:Seq>\n");
        Property(b, "DocumentFileName", "The name of the embedded XML document");
        Property(b, "DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER");
        Property(b, "Version", "The actual version of the standard applying to the embedded XML document");
        Property(b, "ConformanceLevel", "The conformance level of the embedded XML document");
        b.Append("       </rdf:Seq>\n      </pdfaSchema:property>\n     </rdf:li>\n    </rdf:Bag>\n   </pdfaExtension:schemas>\n  </rdf:Description>\n");
        b.Append("  <rdf:Description rdf:about=\"\" xmlns:fx=\"").Append(FacturXConformance.Namespace).Append("\">\n");
        b.Append("   <fx:DocumentType>").Append(E(fields.DocumentType ?? "INVOICE")).Append("</fx:DocumentType>\n");
        b.Append("   <fx:DocumentFileName>").Append(E(fields.DocumentFileName ?? FacturXConformance.FileName)).Append("</fx:DocumentFileName>\n");
        b.Append("   <fx:Version>").Append(E(fields.Version ?? "1.0")).Append("</fx:Version>\n");
        b.Append("   <fx:ConformanceLevel>").Append(E(fields.ConformanceLevel ?? string.Empty)).Append("</fx:ConformanceLevel>\n");
        b.Append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(b.ToString());
    }

    private static void Property(StringBuilder b, string name, string description) =>
        b.Append("        <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").Append(name)
            .Append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
            .Append(description).Append("</pdfaProperty:description></rdf:li>\n");

    /// <summary>Escapes a value for XML text, dropping characters XML 1.0 cannot carry.</summary>
    private static string E(string value)
    {
        var clean = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF'))
            {
                clean.Append(c);
            }
        }

        return SecurityElement.Escape(clean.ToString());
    }
}

/// <summary>The values written into the XMP packet.</summary>
internal sealed record XmpFields(
    string Title,
    string Author,
    string Subject,
    string Producer,
    string CreatorTool,
    DateTime Date,
    string? DocumentType = null,
    string? DocumentFileName = null,
    string? Version = null,
    string? ConformanceLevel = null);
