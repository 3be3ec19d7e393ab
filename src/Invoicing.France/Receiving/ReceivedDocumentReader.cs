using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// Turns a file fetched from the platform into a <see cref="ReceivedDocument"/>: read with the SDK's readers (a
/// Factur-X PDF by its embedded XML, CII or UBL XML as it is), validated with the EN 16931 and French rules. A file
/// that cannot be read is kept too, with the reader's refusal as its error. Pure but for the reading.
/// </summary>
internal static class ReceivedDocumentReader
{
    public static ReceivedDocument Read(PlatformFlow flow, byte[] file, Instant receivedAt)
    {
        Invoice? invoice = null;
        IReadOnlyList<ValidationIssue> issues;
        try
        {
            invoice = (IsPdf(file) ? FacturXReader.Read(file) : EInvoiceReader.Read(file)).Invoice;
            issues = InvoiceValidator.Validate(invoice).Issues;
        }
        catch (InvoiceFormatException exception)
        {
            issues = [ValidationIssue.Error("FR-RECEIVED-UNREADABLE", exception.Path ?? "/", exception.Message)];
        }

        return new ReceivedDocument
        {
            FlowId = flow.FlowId,
            ReceivedAt = receivedAt,
            Syntax = SyntaxName(flow.Syntax),
            FileName = flow.Name.Length <= ReceivedDocuments.MaxIdLength ? flow.Name : null,
            Content = file,
            Invoice = invoice,
            Issues = issues,
        };
    }

    /// <summary>The syntax as the platform names it.</summary>
    private static string SyntaxName(FlowSyntax syntax) => syntax switch
    {
        FlowSyntax.Cii => "CII",
        FlowSyntax.Ubl => "UBL",
        FlowSyntax.FacturX => "Factur-X",
        FlowSyntax.Cdar => "CDAR",
        _ => syntax.ToString(),
    };

    private static bool IsPdf(ReadOnlySpan<byte> file) => file.StartsWith("%PDF-"u8);
}
