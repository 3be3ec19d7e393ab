using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Cii;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing;

/// <summary>
/// Reads a CII or UBL e-invoice, whichever it is: the syntax is detected from the root element.
/// The XML is read securely (no DTD, no external entity, size and depth limits).
/// </summary>
public static partial class EInvoiceReader
{
    /// <summary>Namespace of the CII D16B root element.</summary>
    internal const string CiiRootNamespace = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    /// <summary>Namespace of the UBL 2.1 Invoice root element.</summary>
    internal const string UblInvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    /// <summary>Namespace of the UBL 2.1 CreditNote root element.</summary>
    internal const string UblCreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>Reads an e-invoice from a stream (UTF-8 or UTF-16, with or without BOM).</summary>
    /// <exception cref="InvoiceFormatException">
    /// The input is not well-formed XML, declares a DTD, exceeds the size or depth limit, is neither CII nor UBL,
    /// or misses a mandatory element or carries a malformed number, date or code (the path names the element).
    /// </exception>
    public static EInvoiceDocument Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var origin = xml.CanSeek ? xml.Position : -1;
        using var reader = SecureXml.CreateReader(xml);
        var cursor = XmlCursor.OpenRoot(reader, xml, origin);
        switch (DetectSyntax(cursor.LocalName, cursor.NamespaceUri))
        {
            case EInvoiceSyntax.Cii:
                return CiiParser.Read(cursor);
            case EInvoiceSyntax.Ubl:
                var root = SecureXml.Load(reader, xml, origin);
                EInvoiceDocument? document = null;
                ReadUbl(root, ref document);
                return document ?? throw new InvoiceFormatException("Reading UBL is not available in this build.", "/" + root.Name.LocalName);
            default:
                throw cursor.Error(
                    0,
                    $"The file is neither a CII invoice (CrossIndustryInvoice) nor a UBL Invoice or CreditNote: its root element is {cursor.LocalName} in the namespace '{cursor.NamespaceUri}' (XML-ROOT).");
        }
    }

    /// <summary>Reads an e-invoice from bytes.</summary>
    /// <exception cref="InvoiceFormatException">See <see cref="Read(Stream)"/>.</exception>
    public static EInvoiceDocument Read(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(xml, writable: false);
        return Read(stream);
    }

    /// <summary>The syntax of a document from its root element, or null when it is neither CII nor UBL.</summary>
    public static EInvoiceSyntax? DetectSyntax(string rootLocalName, string rootNamespace) => (rootLocalName, rootNamespace) switch
    {
        ("CrossIndustryInvoice", CiiRootNamespace) => EInvoiceSyntax.Cii,
        ("Invoice", UblInvoiceNamespace) or ("CreditNote", UblCreditNoteNamespace) => EInvoiceSyntax.Ubl,
        _ => null,
    };

    /// <summary>
    /// The UBL reader plugs in here (implemented in Ubl/): given the secure tree of an <c>Invoice</c> or
    /// <c>CreditNote</c> root, sets <paramref name="document"/>.
    /// </summary>
    static partial void ReadUbl(XElement root, ref EInvoiceDocument? document);
}
