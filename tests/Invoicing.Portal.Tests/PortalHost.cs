using System.Net;
using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Portal.Tests;

/// <summary>
/// A real ASP.NET Core host on the test server with the portal mapped at /portal over a SQLite store in a temporary
/// file, and invoices issued into it. The clock starts at the real time, as Data Protection's expiry reads the real clock.
/// </summary>
internal sealed partial class PortalHost : IAsyncDisposable
{
    public const string CustomerA = "C-ALPHA";

    public const string CustomerB = "C-BRAVO";

    private readonly string _directory;

    private long _issued;

    private PortalHost(WebApplication app, FakeClock clock, string directory)
    {
        App = app;
        Clock = clock;
        _directory = directory;
    }

    public WebApplication App { get; }

    public FakeClock Clock { get; }

    public IServiceProvider Services => App.Services;

    public IInvoiceStore Store => Services.GetRequiredService<IInvoiceStore>();

    public IDunningSettingsStore Dunning => Services.GetRequiredService<IDunningSettingsStore>();

    public IInvoiceEventStore Events => Services.GetRequiredService<IInvoiceEventStore>();

    public IPortalLinks Links => Services.GetRequiredService<IPortalLinks>();

    public LocalDate Today => Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date;

    public string KeysDirectory => Path.Combine(_directory, "keys");

    public static async Task<PortalHost> StartAsync(Action<PortalOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("invoicing-portal-").FullName;
        var clock = new FakeClock(Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddInvoicing().UseSqlite($"Data Source={Path.Combine(directory, "invoices.db")}", o => o.DurableCommits = false);
        builder.Services.AddInvoicingPortal(o =>
        {
            o.PublicBaseUrl = new Uri("https://billing.example.com/portal/");
            o.KeysDirectory = Path.Combine(directory, "keys");
            o.RedeemPermitLimit = 1000;
            configure?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapInvoicingPortal("/portal");
        await app.StartAsync();
        return new PortalHost(app, clock, directory);
    }

    /// <summary>A browser: keeps cookies (honouring Secure, Path and expiry) and does not follow redirects.</summary>
    public HttpClient Browser(bool https = true, string? acceptLanguage = null)
    {
        var client = new HttpClient(new CookieHandler(App.GetTestServer().CreateHandler()))
        {
            BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/"),
        };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    /// <summary>A browser with a session for <paramref name="customerKey"/>, opened through a magic link.</summary>
    public async Task<HttpClient> SignedInAsync(string customerKey, string? acceptLanguage = null)
    {
        var browser = Browser(acceptLanguage: acceptLanguage);
        using var response = await browser.GetAsync(RelativeLink(Links.CreateLink(customerKey)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return browser;
    }

    /// <summary>The link's path and query, to be sent to the test server.</summary>
    public static string RelativeLink(Uri link) => link.PathAndQuery;

    public static Invoice Draft(string customerKey, LocalDate issueDate, LocalDate dueDate, decimal netPrice = 100m, Currency? currency = null) => new()
    {
        IssueDate = issueDate,
        DueDate = dueDate,
        Currency = currency ?? Currency.Eur,
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
        Buyer = new Party { Name = "Client " + customerKey, Identifiers = [new Identifier(customerKey)], LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
        Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 2, NetPrice = netPrice / 2, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    /// <summary>Issues an invoice due <paramref name="dueInDays"/> from today (120.00 EUR unless told otherwise).</summary>
    public async Task<IssuedInvoice> IssueAsync(string customerKey, int dueInDays = 30, decimal netPrice = 100m, Currency? currency = null)
    {
        // Issue dates never go backwards in a series; every document is issued 60 days ago, due relative to today.
        var issueDate = Today.PlusDays(-60);
        var sequence = Interlocked.Increment(ref _issued);
        return await Store.IssueAsync(new IssueRequest
        {
            Document = Draft(customerKey, issueDate, Today.PlusDays(dueInDays), netPrice, currency),
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = Clock.GetCurrentInstant().Plus(Duration.FromMilliseconds(sequence)),
        });
    }

    public async Task<IssuedInvoice> CreditInFullAsync(IssuedInvoice original) =>
        await Store.IssueAsync(new IssueRequest
        {
            Document = CreditNotes.Full(original, original.Document.IssueDate, "Commande annulée"),
            Series = NumberSeries.DefaultCreditNotes,
            IssuedAt = Clock.GetCurrentInstant(),
        });

    public Task<InvoiceAccount> PayAsync(string number, decimal amount) =>
        Store.RecordPaymentAsync(new Payment(Guid.NewGuid(), number, Today.PlusDays(-1), amount, PaymentMethod.CreditTransfer));

    /// <summary>Every event in the outbox, to show that a refused request recorded none.</summary>
    public async Task<IReadOnlyList<InvoiceEvent>> AllEventsAsync() => await Events.ReadEventsAsync(0, 10_000);

    /// <summary>The anti-forgery field of a page's first form.</summary>
    public static (string Name, string Value) FormToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery field.");
        return (WebUtility.HtmlDecode(match.Groups["name"].Value), WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex TokenField();

    /// <summary>Cookies the way a browser keeps them, over the test server's handler.</summary>
    private sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    _cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}

/// <summary>Pages read as a person sees their text: character references decoded.</summary>
internal static class PageReading
{
    public static async Task<string> PageAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(this HttpClient browser, string path) => WebUtility.HtmlDecode(await browser.GetStringAsync(path));
}
