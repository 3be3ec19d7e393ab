using System.Net;
using Invoicing.Core;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;

namespace Invoicing.Portal.Tests.Security;

public sealed class MagicLinkTests
{
    [Fact]
    public async Task Redeem_ValidLink_SetsAProtectedSessionCookieAndRedirectsWithoutTheToken()
    {
        await using var host = await PortalHost.StartAsync();
        var link = host.Links.CreateLink(PortalHost.CustomerA);
        var browser = host.Browser();

        using var response = await browser.GetAsync(PortalHost.RelativeLink(link));

        Assert.Equal("https://billing.example.com/portal/redeem", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/portal/invoices", response.Headers.Location!.OriginalString);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("invoicing-portal-session=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/portal", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(QueryHelpers.ParseQuery(link.Query)["token"].ToString(), cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/portal/invoices")).StatusCode);
    }

    [Fact]
    public async Task Redeem_ExpiredLink_IsRefusedAndOpensNoSession()
    {
        await using var host = await PortalHost.StartAsync();
        var link = host.Links.CreateLink(PortalHost.CustomerA, Duration.FromHours(1));
        host.Clock.Advance(Duration.FromHours(1) + Duration.FromSeconds(1));
        var browser = host.Browser();

        using var response = await browser.GetAsync(PortalHost.RelativeLink(link));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("invoicing-portal-session", StringComparison.Ordinal)));
        Assert.Contains("The link is not valid or has expired.", await response.PageAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/portal/invoices")).StatusCode);
    }

    [Fact]
    public async Task Redeem_EveryByteOfTheTokenFlipped_IsRefused()
    {
        await using var host = await PortalHost.StartAsync();
        var link = host.Links.CreateLink(PortalHost.CustomerA);
        var token = WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(link.Query)["token"].ToString());
        var browser = host.Browser();

        for (var i = 0; i < token.Length; i++)
        {
            var tampered = (byte[])token.Clone();
            tampered[i] ^= 0x01;
            using var response = await browser.GetAsync("/portal/redeem?token=" + WebEncoders.Base64UrlEncode(tampered));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"byte {i} flipped was accepted");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/portal/invoices")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("%00%01")]
    [InlineData("AAAA")]
    public async Task Redeem_MalformedToken_IsRefused(string token)
    {
        await using var host = await PortalHost.StartAsync();

        using var response = await host.Browser().GetAsync("/portal/redeem?token=" + token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Redeem_ALinkFromAnotherKeyRing_IsRefused()
    {
        await using var host = await PortalHost.StartAsync();
        await using var stranger = await PortalHost.StartAsync();
        var foreign = stranger.Links.CreateLink(PortalHost.CustomerA);

        using var response = await host.Browser().GetAsync(PortalHost.RelativeLink(foreign));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Session_TheSessionCookieUsedAsALink_IsRefused()
    {
        await using var host = await PortalHost.StartAsync();
        var browser = host.Browser();
        using var redeemed = await browser.GetAsync(PortalHost.RelativeLink(host.Links.CreateLink(PortalHost.CustomerA)));
        var session = redeemed.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=', 2)[1];

        using var response = await host.Browser().GetAsync("/portal/redeem?token=" + session);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Session_AfterItsLifetime_IsRefused()
    {
        await using var host = await PortalHost.StartAsync(o => o.SessionLifetime = Duration.FromHours(2));
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        host.Clock.Advance(Duration.FromHours(2) + Duration.FromSeconds(1));

        using var response = await browser.GetAsync("/portal/invoices");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Redeem_BeyondTheRateLimit_Is429EvenForAValidLink()
    {
        await using var host = await PortalHost.StartAsync(o => o.RedeemPermitLimit = 3);
        var browser = host.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var refused = await browser.GetAsync("/portal/redeem?token=guess" + i);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var response = await browser.GetAsync(PortalHost.RelativeLink(host.Links.CreateLink(PortalHost.CustomerA)));

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/portal/invoices")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void CreateLink_BadCustomerKey_IsRefusedNamingTheField(string customerKey)
    {
        var links = PortalLinks.Create(Options(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));

        var error = Assert.Throws<InvoiceValidationException>(() => links.CreateLink(customerKey));

        Assert.Equal("PORTAL-CUSTOMER", error.Issues.Single().RuleId);
        Assert.Equal("customerKey", error.Issues.Single().Path);
    }

    [Fact]
    public void CreateLink_CustomerKeyTooLong_IsRefused()
    {
        var links = PortalLinks.Create(Options(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));

        var error = Assert.Throws<InvoiceValidationException>(() => links.CreateLink(new string('k', 201)));

        Assert.Equal("PORTAL-CUSTOMER", error.Issues.Single().RuleId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(91 * 24)]
    public void CreateLink_LifetimeOutOfRange_IsRefused(int hours)
    {
        var links = PortalLinks.Create(Options(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));

        var error = Assert.Throws<InvoiceValidationException>(() => links.CreateLink("C-1", Duration.FromHours(hours)));

        Assert.Equal("PORTAL-LIFETIME", error.Issues.Single().RuleId);
        Assert.Equal("lifetime", error.Issues.Single().Path);
    }

    [Fact]
    public void Create_WithoutKeysDirectoryOrBaseUrl_NamesTheOption()
    {
        var clock = NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1);

        Assert.Contains("KeysDirectory", Assert.Throws<ArgumentException>(() => PortalLinks.Create(new PortalOptions { PublicBaseUrl = new Uri("https://x.example/portal/") }, clock)).Message);
        Assert.Contains("PublicBaseUrl", Assert.Throws<ArgumentException>(() => PortalLinks.Create(new PortalOptions { KeysDirectory = "keys" }, clock)).Message);
    }

    [Fact]
    public async Task CreateLink_OutsideTheHost_WithTheSameKeysDirectory_IsRedeemedByThePortal()
    {
        await using var host = await PortalHost.StartAsync();
        var links = PortalLinks.Create(new PortalOptions { PublicBaseUrl = new Uri("https://billing.example.com/portal"), KeysDirectory = host.KeysDirectory }, host.Clock);

        var link = links.CreateLink(PortalHost.CustomerA);
        using var response = await host.Browser().GetAsync(PortalHost.RelativeLink(link));

        Assert.Equal("/portal/redeem", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static PortalOptions Options() => new()
    {
        PublicBaseUrl = new Uri("https://billing.example.com/portal/"),
        KeysDirectory = Path.Combine(Path.GetTempPath(), "invoicing-portal-links-" + Guid.NewGuid().ToString("N")),
    };
}
