namespace Invoicing.Samples.Portal;

/// <summary>
/// The sample's settings, from the command line or the environment (<c>--Sample:Database=...</c>,
/// <c>Sample__Payments=stripe</c>).
/// </summary>
public sealed class PortalSampleSettings
{
    /// <summary>The address the host listens on and links point at: <c>http://127.0.0.1:5080</c>.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>The SQLite file; a new one in the temporary folder when null (seeded with the demo data when empty).</summary>
    public string? Database { get; set; }

    /// <summary><c>fake</c> (the default: a stand-in for Stripe on a loopback port) or <c>stripe</c> (Stripe's test or live API).</summary>
    public string Payments { get; set; } = "fake";

    /// <summary>With <c>stripe</c>: the secret API key (<c>sk_test_...</c>).</summary>
    public string? StripeSecretKey { get; set; }

    /// <summary>With <c>stripe</c>: the webhook signing secret (<c>whsec_...</c>, shown by <c>stripe listen</c>).</summary>
    public string? StripeWebhookSecret { get; set; }

    /// <summary>More open invoices for the demo customer (the load benchmark asks for a long list).</summary>
    public int ExtraInvoices { get; set; }

    /// <summary>Where the invoice mails of the demo go, as .eml files: a <c>mail</c> folder beside the database.</summary>
    public string? MailFolder { get; set; }

    public bool UsesFakeStripe => string.Equals(Payments, "fake", StringComparison.OrdinalIgnoreCase);
}
