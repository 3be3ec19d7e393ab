using Invoicing.Core;

namespace Invoicing.Portal.Accounts;

/// <summary>One of the customer's documents as the portal shows it.</summary>
internal sealed record PortalDocument(InvoiceAccount Account, PortalStatus Status, decimal Balance, bool Disputed)
{
    public string Number => Account.Number;

    public Currency Currency => Account.Invoice.Document.Currency;

    public bool IsCreditNote => Account.Invoice.Document.Type.IsCreditNote();
}
