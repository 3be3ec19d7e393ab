using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>
/// What a payment link asks for: the open balance of one invoice, in its currency, with the invoice number as the
/// reference the payment comes back with. Validated at construction, so a provider never sends a request that cannot
/// be paid into the account it names. Build it from the account with <see cref="ForOpenBalance"/>.
/// </summary>
public sealed record PaymentLinkRequest
{
    /// <summary>The longest invoice number or customer key accepted (what a provider keeps as a reference).</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>Creates a request, checking every field.</summary>
    /// <param name="invoiceNumber">The invoice paid (BT-1); the payment comes back with it.</param>
    /// <param name="customerKey">The customer's key in the host, kept by the provider beside the invoice number.</param>
    /// <param name="amount">The amount asked, above zero, rounded to the currency's minor unit.</param>
    /// <param name="currency">The invoice currency (BT-5).</param>
    /// <param name="expiresAt">When the link stops accepting payment.</param>
    /// <param name="successUrl">Where the customer lands after paying (absolute http or https).</param>
    /// <param name="cancelUrl">Where the customer lands when giving up (absolute http or https).</param>
    /// <exception cref="InvoiceValidationException">PAY-LINK-INVOICE, PAY-LINK-CUSTOMER, PAY-LINK-AMOUNT, PAY-LINK-CURRENCY, PAY-LINK-URL, with the field.</exception>
    public PaymentLinkRequest(string invoiceNumber, string customerKey, decimal amount, Currency currency, Instant expiresAt, Uri successUrl, Uri cancelUrl)
    {
        var issues = new List<ValidationIssue>();
        CheckReference(issues, "PAY-LINK-INVOICE", "invoiceNumber", "invoice number", invoiceNumber);
        CheckReference(issues, "PAY-LINK-CUSTOMER", "customerKey", "customer key", customerKey);
        if (!currency.IsDefined)
        {
            issues.Add(ValidationIssue.Error("PAY-LINK-CURRENCY", "currency", "A payment link needs the invoice currency."));
        }
        else if (amount <= 0m || !currency.IsRounded(amount))
        {
            issues.Add(ValidationIssue.Error("PAY-LINK-AMOUNT", "amount", string.Create(CultureInfo.InvariantCulture, $"A payment link asks for an amount above zero with at most {currency.MinorUnits} decimals in {currency}, not {amount}.")));
        }

        CheckUrl(issues, "successUrl", successUrl);
        CheckUrl(issues, "cancelUrl", cancelUrl);
        if (issues.Count > 0)
        {
            throw new InvoiceValidationException(issues);
        }

        InvoiceNumber = invoiceNumber;
        CustomerKey = customerKey;
        Amount = amount;
        Currency = currency;
        ExpiresAt = expiresAt;
        SuccessUrl = successUrl;
        CancelUrl = cancelUrl;
    }

    /// <summary>The invoice paid (BT-1).</summary>
    public string InvoiceNumber { get; }

    /// <summary>The customer's key in the host.</summary>
    public string CustomerKey { get; }

    /// <summary>The amount asked: the open balance when built by <see cref="ForOpenBalance"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The invoice currency (BT-5).</summary>
    public Currency Currency { get; }

    /// <summary>When the link stops accepting payment.</summary>
    public Instant ExpiresAt { get; }

    /// <summary>Where the customer lands after paying.</summary>
    public Uri SuccessUrl { get; }

    /// <summary>Where the customer lands when giving up.</summary>
    public Uri CancelUrl { get; }

    /// <summary>
    /// The request for what remains to be paid on <paramref name="account"/>: its balance, in its currency, for its
    /// customer. An invoice with nothing left to pay gets no link.
    /// </summary>
    /// <exception cref="InvoiceValidationException">
    /// PAY-LINK-CREDIT-NOTE, PAY-LINK-WRITTEN-OFF, PAY-LINK-CREDITED, PAY-LINK-PAID, PAY-LINK-NOTHING-DUE (a zero or
    /// negative balance), or a field rule of the constructor.
    /// </exception>
    public static PaymentLinkRequest ForOpenBalance(InvoiceAccount account, Instant expiresAt, Uri successUrl, Uri cancelUrl)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Invoice.Document.Type.IsCreditNote())
        {
            throw Refuse("PAY-LINK-CREDIT-NOTE", "invoiceNumber", $"{account.Number} is a credit note: there is nothing to pay on it.");
        }

        if (!account.IsOpen)
        {
            throw account.Status switch
            {
                InvoiceStatus.WrittenOff => Refuse("PAY-LINK-WRITTEN-OFF", "status", $"Invoice {account.Number} was written off: it is no longer collected."),
                InvoiceStatus.Credited => Refuse("PAY-LINK-CREDITED", "status", $"Invoice {account.Number} is cancelled by credit notes: nothing is left to pay."),
                InvoiceStatus.Paid when account.Paid > 0m => Refuse("PAY-LINK-PAID", "status", $"Invoice {account.Number} is paid: nothing is left to pay."),
                _ => Refuse("PAY-LINK-NOTHING-DUE", "balance", string.Create(CultureInfo.InvariantCulture, $"Invoice {account.Number} has a balance of {account.Balance}: nothing is left to pay.")),
            };
        }

        var document = account.Invoice.Document;
        return new PaymentLinkRequest(account.Number, document.CustomerKey, account.Balance, document.Currency, expiresAt, successUrl, cancelUrl);
    }

    private static void CheckReference(List<ValidationIssue> issues, string rule, string path, string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxReferenceLength || value.Any(char.IsControl))
        {
            issues.Add(ValidationIssue.Error(rule, path, string.Create(CultureInfo.InvariantCulture, $"A payment link needs the {what}: 1 to {MaxReferenceLength} characters, no control characters.")));
        }
    }

    private static void CheckUrl(List<ValidationIssue> issues, string path, Uri? url)
    {
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            issues.Add(ValidationIssue.Error("PAY-LINK-URL", path, $"The {path} must be an absolute http or https address, for the customer to come back to."));
        }
    }

    private static InvoiceValidationException Refuse(string rule, string path, string message) =>
        new(ValidationIssue.Error(rule, path, message));
}
