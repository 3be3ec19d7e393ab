using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Mail.Smtp;
using Invoicing.Payments;
using Invoicing.Payments.Stripe;
using Invoicing.Payments.Stripe.Fake;
using Invoicing.Pdf;
using Invoicing.Portal;
using Invoicing.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Samples.Portal;

/// <summary>
/// The sample host: a SQLite store seeded with the demo data, the portal at <c>/portal</c>, Stripe (or its stand-in)
/// behind the Pay button with its webhook at <see cref="StripeWebhookEndpointRouteBuilderExtensions.DefaultPattern"/>,
/// and the portal and payment links in the invoice mails. Everything the portal needs comes from the packages' two-line
/// registrations; the rest is the sample's data.
/// </summary>
public sealed class PortalSampleHost : IAsyncDisposable
{
    private const string WebhookSecret = "whsec_sample_portal_fake_secret";
    private static readonly string SellerEmail = Invoicing.Cli.Demo.DemoInvoices.Seller.Contact!.Email!;

    private PortalSampleHost(WebApplication app, FakeStripe? stripe, string customerKey, string database, string mailFolder)
    {
        MailFolder = mailFolder;
        App = app;
        Stripe = stripe;
        DemoCustomerKey = customerKey;
        Database = database;
    }

    public WebApplication App { get; }

    /// <summary>The stand-in for Stripe, when the sample uses it.</summary>
    public FakeStripe? Stripe { get; }

    /// <summary>The customer whose magic link the sample prints (Boulangerie Dupont &amp; Fils).</summary>
    public string DemoCustomerKey { get; }

    /// <summary>Where the invoice mails went, as .eml files.</summary>
    public string MailFolder { get; }

    /// <summary>The SQLite file.</summary>
    public string Database { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>A fresh magic link for <paramref name="customerKey"/> (the demo customer when null).</summary>
    public Uri MagicLink(string? customerKey = null) => Services.GetRequiredService<IPortalLinks>().CreateLink(customerKey ?? DemoCustomerKey);

    /// <summary>Builds, seeds and starts the host.</summary>
    /// <param name="settings">The sample's settings.</param>
    /// <param name="configure">Changes to the host's services before it is built (tests replace the clock).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<PortalSampleHost> StartAsync(PortalSampleSettings settings, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var database = settings.Database ?? Path.Combine(Directory.CreateTempSubdirectory("invoicing-portal-").FullName, "invoices.db");
        var root = new Uri(settings.Url.GetLeftPart(UriPartial.Authority) + "/");
        var stripe = settings.UsesFakeStripe
            ? await FakeStripe.StartAsync(new Uri(root, StripeWebhookEndpointRouteBuilderExtensions.DefaultPattern.TrimStart('/')), WebhookSecret, cancellationToken: cancellationToken)
            : null;

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(root.GetLeftPart(UriPartial.Authority));
        var services = builder.Services;
        var invoicing = services.AddInvoicing().UseSqlite($"Data Source={database}").AddPdf();
        services.AddInvoicingPortal(o =>
        {
            o.PublicBaseUrl = new Uri(root, "portal/");
            o.KeysDirectory = Path.Combine(Path.GetDirectoryName(database)!, "portal-keys");
            o.Title = Invoicing.Cli.Demo.DemoInvoices.Seller.Name;
            o.DefaultLanguage = "fr";

            // The sample runs on plain HTTP on the loopback address; a real portal sits behind HTTPS.
            o.CookieSecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddStripePayments(o =>
        {
            o.ApiBase = stripe?.ApiBase ?? new Uri("https://api.stripe.com");
            o.SecretKey = stripe is null ? settings.StripeSecretKey : FakeStripe.SecretKey;
            o.WebhookSigningSecret = stripe is null ? settings.StripeWebhookSecret : stripe.WebhookSecret;
            o.LineItemLabel = "Facture";
        });
        var mailFolder = settings.MailFolder ?? Path.Combine(Path.GetDirectoryName(database)!, "mail");
        AddInvoiceMail(invoicing, mailFolder, root);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect("/portal/"));
        app.MapInvoicingPortal("/portal");
        app.MapStripeWebhook();
        var (customer, open) = await PortalDemoData.SeedAsync(app.Services.GetRequiredService<InvoicingService>(), app.Services.GetRequiredService<IInvoiceStore>(), settings.ExtraInvoices, cancellationToken);
        await app.StartAsync(cancellationToken);
        if (open is not null)
        {
            // The invoice mail of the demo customer's new invoice, with its Factur-X PDF, portal link and payment link.
            await app.Services.GetRequiredService<IInvoiceMailer>().SendAsync(open, cancellationToken);
        }

        return new PortalSampleHost(app, stripe, customer, database, mailFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }
    }

    /// <summary>The invoice mail, written to a pickup folder, with the portal and payment links (<c>invoicing</c> mails no one in a sample).</summary>
    private static void AddInvoiceMail(IInvoicingBuilder invoicing, string folder, Uri root)
    {
        var services = invoicing.Services;
        invoicing.AddDunning(o =>
        {
            o.RunInBackground = false;
            o.MessageIdDomain = "factures.atelier-lumiere.example";
            o.From = SellerEmail;
        }).UsePickupFolderMail(folder, SellerEmail);
        services.AddSingleton(provider => InvoiceAttachmentProviders.FromDelegate((account, _) =>
            Task.FromResult<byte[]?>(FacturXPdf.ToBytes(account.Invoice.Document, Invoicing.EInvoicing.FacturXProfile.En16931))));
        services.AddPortalLinksInMails();
        services.AddPaymentLinksInMails(o =>
        {
            o.SuccessUrl = new Uri(root, "portal/invoices");
            o.CancelUrl = new Uri(root, "portal/invoices");
        });
    }
}
