using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Mail.Smtp.Tests.Links;

/// <summary>Reminders carry the links of the host's portal and payment provider, and exactly today's links without them.</summary>
public sealed class ReminderLinkTests
{
    private static Action<DunningOptions> Formats => o => o.Rendering = o.Rendering with { PaymentLinkFormat = "https://pay.example/{invoice}", PortalLinkFormat = "https://portal.example/{customer}" };

    private static async Task<MimeKit.MimeMessage> SendOneAsync(Action<IServiceCollection> links, Action<DunningOptions>? configure = null)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(1);
        await harness.Settings.SaveCustomerAsync(new Invoicing.Core.DunningCustomerSettings { CustomerKey = "C-0", Language = "en", Email = "ap@customer.example" });
        var result = await harness.Runner(RunnerHarness.Smtp(server.Port), "w1", configure, services: links).RunOnceAsync();
        Assert.Equal(1, result.Sent);
        return Assert.Single(server.Received);
    }

    [Fact]
    public async Task RunOnce_PortalAndPaymentSources_TheirLinksReplaceTheFormats()
    {
        var portal = new FixedLinks("https://billing.example/portal/redeem?t=abc", null);
        var payment = new FixedLinks(null, "https://checkout.example/s/F2026-00000");

        var message = await SendOneAsync(s => s.AddSingleton<IMailLinkSource>(portal).AddSingleton<IMailLinkSource>(payment), Formats);

        Assert.Contains("Pay online: https://checkout.example/s/F2026-00000", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your invoices: https://billing.example/portal/redeem?t=abc", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pay.example", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal([("F2026-00000", "en")], portal.Requests);
    }

    [Fact]
    public async Task RunOnce_OnlyAPortalSource_ThePaymentLinkComesFromItsFormat()
    {
        var message = await SendOneAsync(s => s.AddSingleton<IMailLinkSource>(new FixedLinks("https://billing.example/portal/redeem?t=abc", null)), Formats);

        Assert.Contains("Pay online: https://pay.example/F2026-00000", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your invoices: https://billing.example/portal/redeem?t=abc", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_NoSource_SendsTheSameMailAsTheRendererWithTheFormats()
    {
        var message = await SendOneAsync(_ => { }, Formats);

        Assert.Contains("Pay online: https://pay.example/F2026-00000", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your invoices: https://portal.example/C-0", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_SourceFails_TheReminderStillGoesWithTheFormatLinks()
    {
        var message = await SendOneAsync(s => s.AddSingleton<IMailLinkSource>(new FailingLinks()), Formats);

        Assert.Contains("Pay online: https://pay.example/F2026-00000", message.TextBody, StringComparison.Ordinal);
    }
}
