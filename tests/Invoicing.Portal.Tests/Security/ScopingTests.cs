using System.Net;
using Invoicing.Core;

namespace Invoicing.Portal.Tests.Security;

/// <summary>A customer's session reaches nothing of another customer's by changing the number in a URL.</summary>
public sealed class ScopingTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "" },
        { "GET", "/pdf" },
        { "GET", "/facturx" },
        { "POST", "/pay" },
        { "POST", "/dispute" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnotherCustomersNumber_Is404IdenticalToAnUnknownNumber_AndChangesNothing(string method, string suffix)
    {
        await using var host = await PortalHost.StartAsync(services: s => s.AddSingleton<Invoicing.Payments.IPaymentLinkProvider>(new Endpoints.FakePaymentLinks()));
        var own = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var theirs = await host.IssueAsync(PortalHost.CustomerB, dueInDays: -3);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var token = PortalHost.FormToken(await browser.PageAsync("/portal/invoices/" + own.Number));
        var eventsBefore = await host.AllEventsAsync();

        async Task<(HttpStatusCode Status, string Body, string? Type)> RequestAsync(string number)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "/portal/invoices/" + number + suffix);
            if (method == "POST")
            {
                request.Content = PortalHost.Form(token, ("reason", "not mine"));
            }

            using var response = await browser.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
        }

        var other = await RequestAsync(theirs.Number);
        var unknown = await RequestAsync("F2099-99999");

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(unknown, other);
        Assert.DoesNotContain(theirs.Number, other.Body);
        Assert.Null(await host.Dunning.GetInvoiceAsync(theirs.Number));
        Assert.Equal(eventsBefore.Count, (await host.AllEventsAsync()).Count);
        Assert.Empty(((Endpoints.FakePaymentLinks)host.Services.GetRequiredService<Invoicing.Payments.IPaymentLinkProvider>()).Requests);
    }

    [Theory]
    [InlineData("/portal/invoices/%0A")]
    [InlineData("/portal/invoices/..%2F..%2Fetc")]
    [InlineData("/portal/invoices/x/unknown")]
    [InlineData("/portal/elsewhere")]
    public async Task HostilePaths_AreTheSameNotFound(string path)
    {
        await using var host = await PortalHost.StartAsync();
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var unknown = await (await browser.GetAsync("/portal/invoices/F2099-99999")).Content.ReadAsStringAsync();

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(unknown, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomerKeyOfTheDocument_NotTheBuyerName_DecidesTheScope()
    {
        await using var host = await PortalHost.StartAsync();
        var theirs = await host.IssueAsync(PortalHost.CustomerB);
        // A session for a customer whose key is the other customer's buyer name still sees nothing of theirs.
        var browser = await host.SignedInAsync("Client " + PortalHost.CustomerB, "en");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/portal/invoices/" + theirs.Number)).StatusCode);
        Assert.DoesNotContain(theirs.Number, await browser.PageAsync("/portal/invoices"));
    }
}
