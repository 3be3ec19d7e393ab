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
        if (string.IsNullOrWhiteSpace(domain) || Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-MESSAGE-ID-DOMAIN", "messageIdDomain", $"'{domain}' is not a DNS host name."));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.InvoiceNumber + "\n" + key.StepId));
        var step = new string([.. key.StepId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+')]).Replace('+', 'p');
        return $"reminder.{step}.{Convert.ToHexStringLower(hash, 0, 16)}@{domain}";
    }
}
