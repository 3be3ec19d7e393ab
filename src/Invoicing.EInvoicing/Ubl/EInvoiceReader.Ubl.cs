using System.Xml.Linq;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing;

/// <content>Plugs the UBL reader into the facade.</content>
public static partial class EInvoiceReader
{
    static partial void ReadUbl(XElement root, ref EInvoiceDocument? document) => document = UblReader.Read(root);
}
