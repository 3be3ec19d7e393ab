using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing;

/// <content>Plugs the UBL writer into the facade.</content>
public static partial class EInvoiceWriter
{
    static partial void WriteUbl(Invoice invoice, Stream output, ref IReadOnlyList<ValidationIssue>? losses) => losses = UblWriter.Write(invoice, output);
}
