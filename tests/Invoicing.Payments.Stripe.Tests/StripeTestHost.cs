using Invoicing.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Invoicing.Storage.Sqlite;
using System.Net;

namespace Invoicing.Payments.Stripe.Tests;

/// <summary>A real Kestrel host on a loopback port: a SQLite store in a temporary file, Stripe payments, the webhook mapped.</summary>
internal sealed class StripeTestHost : IAsyncDisposable
{
    public const string Secret = "whsec_test_5f0c6a1e2b3d4c5e6f708192a3b4c5d6";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 9, 0);

    private readonly WebApplication _app;
    private readonly string _directory;

    private StripeTestHost(WebApplication app, string directory, IClock clock)
    {
        _app = app;
        _directory = directory;
        Clock = clock;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        WebhookUrl = new Uri(BaseAddress, "payments/stripe/webhook");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public Uri WebhookUrl { get; }

    public HttpClient Client { get; }

    public IClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    public IInvoiceStore Store => Services.GetRequiredService<IInvoiceStore>();

    public IPaymentLinkProvider Links => Services.GetRequiredService<IPaymentLinkProvider>();

    /// <summary>Starts the host; with <paramref name="clock"/> null it runs on the system clock (for the fake, which signs with it).</summary>
    public static async Task<StripeTestHost> StartAsync(Uri? apiBase = null, IClock? clock = null, Action<StripePaymentOptions>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("invoicing-stripe-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddInvoicing().UseSqlite($"Data Source={Path.Combine(directory, "invoices.db")}", o => o.DurableCommits = false);
        builder.Services.AddStripePayments(o =>
        {
            o.SecretKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
            o.WebhookSigningSecret = Secret;
            o.MaxNetworkRetries = 0;
            if (apiBase is not null)
            {
                o.ApiBase = apiBase;
            }

            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapStripeWebhook();
        await app.StartAsync();
        return new StripeTestHost(app, directory, app.Services.GetRequiredService<IClock>());
    }

    public static Task<StripeTestHost> StartAtAsync(Instant now, Uri? apiBase = null) => StartAsync(apiBase, new FakeClock(now));

    /// <summary>Issues an invoice of 120.00 in <paramref name="currency"/> (100 + 20 % VAT) unless told otherwise.</summary>
    public Task<IssuedInvoice> IssueAsync(decimal netPrice = 100m, Currency? currency = null) =>
        Store.IssueAsync(new IssueRequest { Document = Draft(netPrice, currency ?? Currency.Eur), Series = NumberSeries.DefaultInvoices, IssuedAt = Start });

    public async Task<InvoiceAccount> AccountAsync(string number) => (await Store.GetAccountAsync(number))!;

    /// <summary>POSTs <paramref name="payload"/> to the webhook with the given <c>Stripe-Signature</c> (none when null).</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="payload"/> signed with the test secret at the host's current time.</summary>
    public Task<HttpResponseMessage> DeliverSignedAsync(string payload) =>
        DeliverAsync(payload, TestSignature.Header(Secret, payload, Clock.GetCurrentInstant().ToUnixTimeSeconds()));

    public static Invoice Draft(decimal netPrice, Currency currency) => new()
    {
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 12, 2),
        Currency = currency,
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
        Buyer = new Party { Name = "Client", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
        Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = netPrice, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
