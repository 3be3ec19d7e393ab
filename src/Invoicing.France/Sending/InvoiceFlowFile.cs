using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.EInvoicing.Ubl;
using Invoicing.Pdf;

namespace Invoicing.France;

/// <summary>
/// The file of an invoice's flow in the syntax the platform is sent (a Factur-X PDF by the existing renderer, CII or UBL
/// XML by the existing writers, EN 16931 profile), with its flow info.
/// </summary>
internal static class InvoiceFlowFile
{
    public static (FlowInfo Info, byte[] File) Create(IssuedInvoice issued, FlowSyntax syntax, string trackingId)
    {
        var invoice = issued.Document;
        var baseName = new string([.. invoice.Number!.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        var (file, extension) = syntax switch
        {
            FlowSyntax.FacturX => (FacturXPdf.ToBytes(invoice, FacturXProfile.En16931), ".pdf"),
            FlowSyntax.Ubl => (UblWriter.Write(invoice), ".xml"),
            _ => (CiiWriter.ToBytes(invoice, FacturXProfile.En16931), ".xml"),
        };
        return (new FlowInfo(baseName + extension, syntax, trackingId, ProcessingRule.B2B, FlowProfile.Cius), file);
    }
}
