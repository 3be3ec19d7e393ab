using Invoicing.Core;

namespace Invoicing.EInvoicing;

/// <summary>Reads a UN/CEFACT CII D16B invoice (Factur-X, ZUGFeRD, XRechnung CII) into the Core model.</summary>
public static class CiiReader
{
    /// <summary>Reads a CII invoice from a stream.</summary>
    /// <exception cref="InvoiceFormatException">Not well-formed, hostile, not CII, or a mandatory element missing or malformed.</exception>
    public static EInvoiceDocument Read(Stream xml)
    {
        var document = EInvoiceReader.Read(xml);
        return document.Syntax == EInvoiceSyntax.Cii
            ? document
            : throw new InvoiceFormatException("The document is UBL, not CII (XML-ROOT).", "/");
    }
}
