using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>Who receives mail about an invoice: the address in the customer's dunning settings, else the buyer contact's (BT-58).</summary>
internal static class MailRecipients
{
    public static string? For(DunningCustomerSettings? customer, InvoiceAccount account)
    {
        var address = customer?.Email ?? account.Invoice.Document.Buyer.Contact?.Email;
        return string.IsNullOrWhiteSpace(address) ? null : address;
    }
}
