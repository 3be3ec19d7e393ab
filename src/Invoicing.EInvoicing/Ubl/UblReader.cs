using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>
/// Reads a UBL 2.1 <c>Invoice</c> or <c>CreditNote</c> into the Core model, keeping the totals the file states.
/// Tolerant of what senders vary (prefixes, optional elements, whitespace, a BOM), strict on what matters:
/// a missing mandatory element or a malformed number, date or code is an <see cref="InvoiceFormatException"/>
/// that names the element. The XML is read securely (no DTD, no external entity, size and depth limits).
/// </summary>
public static class UblReader
{
    /// <summary>Reads a UBL document from a stream.</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable UBL Invoice or CreditNote.</exception>
    public static EInvoiceDocument Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Read(SecureXml.Load(xml));
    }

    /// <summary>Reads a UBL document from bytes.</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable UBL Invoice or CreditNote.</exception>
    public static EInvoiceDocument Read(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(xml, writable: false);
        return Read(stream);
    }

    /// <summary>Reads the root element of a UBL document already loaded securely.</summary>
    internal static EInvoiceDocument Read(XElement root)
    {
        var creditNote = root.Name == XName.Get("CreditNote", UblNames.CreditNoteNamespace);
        if (!creditNote && root.Name != XName.Get("Invoice", UblNames.InvoiceNamespace))
        {
            throw new InvoiceFormatException(
                $"The root element {{{root.Name.NamespaceName}}}{root.Name.LocalName} is not a UBL 2.1 Invoice or CreditNote (XML-ROOT).",
                "/" + root.Name.LocalName);
        }

        return new UblDocumentReader(root, creditNote).Read();
    }
}
