using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <summary>Maps a CII D16B tree into the Core model.</summary>
internal static class CiiParser
{
    public static EInvoiceDocument Read(XElement root) => throw new InvoiceFormatException("Reading CII is not available yet.", "/" + root.Name.LocalName);
}
