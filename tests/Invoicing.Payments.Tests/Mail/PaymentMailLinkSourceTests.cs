using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Payments.Tests.Mail;

public sealed class PaymentMailLinkSourceTests
{
    private static readonly Uri Success = new("https://shop.example/paid");
    private static readonly Uri Cancel = new("https://shop.example/cancelled");

    private static IMailLinkSource Source(PaymentFixtures fixtures, IPaymentLinkProvider provider)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(fixtures.Clock);
        services.AddSingleton(provider);
        services.AddPaymentLinksInMails(o =>
        {
            o.SuccessUrl = Success;
            o.CancelUrl = Cancel;
            o.LinkLifetime = Duration.FromHours(6);
        });
        return Assert.Single(services.BuildServiceProvider().GetServices<IMailLinkSource>());
    }

    [Fact]
    public async Task GetLinks_PartlyPaidInvoice_AsksTheProviderForTheOpenBalance()
    {
        await using var fixtures = new PaymentFixtures();
        var issued = await fixtures.IssueAsync();
        await fixtures.Recorder.RecordAsync(PaymentFixtures.Report(issued.Number, 20.00m));
        var provider = new RecordingProvider();

        var links = await Source(fixtures, provider).GetLinksAsync(await fixtures.AccountAsync(issued.Number), "fr");

        Assert.Equal("https://pay.example/" + issued.Number, links.PaymentLink);
        Assert.Null(links.PortalLink);
        var request = Assert.Single(provider.Requests);
        Assert.Equal(100.00m, request.Amount);
        Assert.Equal(issued.Number, request.InvoiceNumber);
        Assert.Equal(fixtures.Clock.GetCurrentInstant() + Duration.FromHours(6), request.ExpiresAt);
        Assert.Equal(Success, request.SuccessUrl);
    }

    [Fact]
    public async Task GetLinks_NothingLeftToPay_GivesNoLinkAndAsksNothing()
    {
        await using var fixtures = new PaymentFixtures();
        var issued = await fixtures.IssueAsync();
        var credit = await fixtures.CreditInFullAsync(issued);
        var provider = new RecordingProvider();
        var source = Source(fixtures, provider);

        Assert.Equal(MailLinks.None, await source.GetLinksAsync(await fixtures.AccountAsync(issued.Number), "en"));
        Assert.Equal(MailLinks.None, await source.GetLinksAsync(await fixtures.AccountAsync(credit.Number), "en"));
        Assert.Empty(provider.Requests);
    }

    [Fact]
    public void AddPaymentLinksInMails_RelativeOrMissingAddresses_FailAtStart()
    {
        var services = new ServiceCollection();
        services.AddPaymentLinksInMails(o => o.SuccessUrl = new Uri("/paid", UriKind.Relative));

        var error = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<PaymentMailLinkOptions>>().Value);

        Assert.Contains("SuccessUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("CancelUrl", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingProvider : IPaymentLinkProvider
    {
        public List<PaymentLinkRequest> Requests { get; } = [];

        public string Name => "test";

        public Task<PaymentLink> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(new PaymentLink(new Uri("https://pay.example/" + request.InvoiceNumber), "cs_" + Requests.Count, request.ExpiresAt));
        }
    }
}
