using Invoicing.Core;

namespace Invoicing.Storage.Sqlite;

/// <summary>An issued document sealed for one sequence and chain head, with the JSON the archive stores.</summary>
internal sealed record SealedIssue(IssuedInvoice Issued, string Json)
{
    public static SealedIssue Create(IssueRequest request, InvoiceTotals totals, long sequence, string previousHash)
    {
        var issued = InvoiceLifecycle.Seal(request, totals, sequence, previousHash);
        return new SealedIssue(issued, StoreJson.SerializeIssued(issued));
    }
}
