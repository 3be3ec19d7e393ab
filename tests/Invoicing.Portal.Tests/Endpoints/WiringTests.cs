using System.Net;
using Invoicing.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Portal.Tests.Endpoints;

/// <summary>The wiring of docs/portal.md: two lines, options checked at start, any store.</summary>
public sealed class WiringTests
{
    [Theory]
    [InlineData(null, "PublicBaseUrl")]
    [InlineData("portal/", "PublicBaseUrl")]
    [InlineData("https://billing.example.com/portal/?a=1", "PublicBaseUrl")]
    public async Task Start_BadOptions_FailsNamingTheOption(string? baseUrl, string option)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddInvoicing().UseInMemoryStore();
        builder.Services.AddInvoicingPortal(o => o.PublicBaseUrl = baseUrl is null ? null : new Uri(baseUrl, UriKind.RelativeOrAbsolute));
        await using var app = builder.Build();
        app.MapInvoicingPortal();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(option, error.Message);
    }

    [Fact]
    public async Task Start_BadLanguageOrLimit_FailsNamingTheOption()
    {
        foreach (var (configure, option) in new (Action<PortalOptions>, string)[]
        {
            (o => o.DefaultLanguage = "de", "DefaultLanguage"),
            (o => o.RedeemPermitLimit = 0, "RedeemPermitLimit"),
            (o => o.LinkLifetime = NodaTime.Duration.FromDays(100), "LinkLifetime"),
        })
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            {
                await using var host = await PortalHost.StartAsync(configure);
            });
            Assert.Contains(option, error.Message);
        }
    }

    [Fact]
    public void Map_WithoutAddInvoicingPortal_SaysWhatToCall()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapInvoicingPortal("/portal"));

        Assert.Contains("AddInvoicingPortal", error.Message);
    }

    [Fact]
    public async Task InMemoryStore_ListDetailAndDispute_Work()
    {
        var keys = Path.Combine(Path.GetTempPath(), "invoicing-portal-mem-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ListDetailAndDisputeOverInMemoryStoreAsync(keys);
        }
        finally
        {
            if (Directory.Exists(keys))
            {
                Directory.Delete(keys, recursive: true);
            }
        }
    }

    private static async Task ListDetailAndDisputeOverInMemoryStoreAsync(string keys)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddInvoicing().UseInMemoryStore();
        builder.Services.AddInvoicingPortal(o =>
        {
            o.PublicBaseUrl = new Uri("https://billing.example.com/portal/");
            o.KeysDirectory = keys;
        });
        await using var app = builder.Build();
        app.MapInvoicingPortal("/portal");
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IInvoiceStore>();
        var today = app.Services.GetRequiredService<InvoicingService>().Today;
        var issued = await store.IssueAsync(new IssueRequest
        {
            Document = PortalHost.Draft("C-MEM", today.PlusDays(-40), today.PlusDays(-10)),
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()),
        });
        var browser = new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("https://localhost/") };
        using var redeemed = await browser.GetAsync(PortalHost.RelativeLink(app.Services.GetRequiredService<IPortalLinks>().CreateLink("C-MEM")));
        var cookie = redeemed.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        var list = await browser.PageAsync("/portal/invoices");
        Assert.Contains(issued.Number, list);
        Assert.Contains("status-overdue", list);
        using var detail = await browser.GetAsync("/portal/invoices/" + issued.Number);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var antiforgery = detail.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        browser.DefaultRequestHeaders.Remove("Cookie");
        browser.DefaultRequestHeaders.Add("Cookie", cookie + "; " + antiforgery);
        using var dispute = await browser.PostAsync("/portal/invoices/" + issued.Number + "/dispute", PortalHost.Form(PortalHost.FormToken(await detail.PageAsync())));

        Assert.Equal(HttpStatusCode.SeeOther, dispute.StatusCode);
        Assert.True((await app.Services.GetRequiredService<IDunningSettingsStore>().GetInvoiceAsync(issued.Number))!.Disputed);
    }
}
