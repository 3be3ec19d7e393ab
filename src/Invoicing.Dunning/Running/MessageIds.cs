using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>Stable Message-IDs: the same (invoice, step, domain) always gives the same id, so resends can be recognised.</summary>
public static class MessageIds
{
    /// <summary>
    /// The Message-ID of a reminder, without angle brackets: <c>reminder.{step}.{32 hex of SHA-256(invoice, step)}@{domain}</c>.
    /// </summary>
    /// <exception cref="InvoiceValidationException">A domain that is blank or not a host name (DUN-MESSAGE-ID-DOMAIN).</exception>
    public static string For(ReminderKey key, string domain)
    {
        RequireDomain(domain);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.InvoiceNumber + "\n" + key.StepId));
        var step = new string([.. key.StepId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+')]).Replace('+', 'p');
        return $"reminder.{step}.{Convert.ToHexStringLower(hash, 0, 16)}@{domain}";
    }

    /// <summary>
    /// The Message-ID of the mail that sends an invoice, without angle brackets: <c>invoice.{32 hex of SHA-256(invoice)}@{domain}</c>.
    /// A retry after a lost answer carries the same id, so the receiver can drop the duplicate.
    /// </summary>
    /// <exception cref="InvoiceValidationException">A domain that is blank or not a host name (DUN-MESSAGE-ID-DOMAIN).</exception>
    public static string ForInvoice(string invoiceNumber, string domain)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        RequireDomain(domain);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("invoice\n" + invoiceNumber));
        return $"invoice.{Convert.ToHexStringLower(hash, 0, 16)}@{domain}";
    }

    private static void RequireDomain(string domain)
    {
        if (string.IsNullOrWhiteSpace(domain) || Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-MESSAGE-ID-DOMAIN", "messageIdDomain", $"'{domain}' is not a DNS host name."));
        }
    }
}
