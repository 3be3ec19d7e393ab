using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Invoicing.Core;
using Invoicing.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Webhooks.Tests;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_4f9c1e0b7a2d48e6b3c5a91f07d2e8c4";
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 2, 9, 0));
    private TestReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await TestReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Delivery_SignedJson_VerifiedByAnIndependentHmac()
    {
        await using var provider = Provider(o => { });
        var issued = await IssueAsync(provider);

        var result = await DispatchAsync(provider);

        Assert.Equal(1, result.Delivered);
        var request = Assert.Single(_receiver.Requests);
        var storedEvent = Assert.Single(await provider.GetRequiredService<IInvoiceEventStore>().ReadEventsAsync(0, 10));

        // The signature, recomputed here from the scheme's text alone: HMAC-SHA256(secret, "<t>." + body), hex.
        var parts = request.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(parts["t"] + "."), .. request.Body]);
        Assert.Equal(Convert.ToHexString(expected).ToLowerInvariant(), parts["v1"]);
        Assert.Equal(_clock.GetCurrentInstant().ToUnixTimeSeconds(), timestamp);

        Assert.Equal(storedEvent.Id.ToString("D"), request.EventId);
        Assert.Equal("issued", request.EventType);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(storedEvent.Id, root.GetProperty("id").GetGuid());
        Assert.Equal("issued", root.GetProperty("type").GetString());
        Assert.Equal(issued.Number, root.GetProperty("invoiceNumber").GetString());
        Assert.Equal(120.00m, root.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal("2026-11-02T09:00:00Z", root.GetProperty("occurredAt").GetString());
        Assert.Equal("invoice", root.GetProperty("data").GetProperty("documentType").GetString());
        Assert.True(WebhookSignature.Verify(Secret, request.Signature, request.Body, _clock.GetCurrentInstant(), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Delivery_TransientAnswers_RetriedAtOnceWithTheSameEventId(int status)
    {
        await using var provider = Provider(o => { });
        await IssueAsync(provider);
        _receiver.Answer(status, status);

        var result = await DispatchAsync(provider);

        Assert.Equal(new InvoiceEventDispatchResult(1, 0, 0), result);
        var requests = _receiver.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Single(requests.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task Delivery_StillFailingAfterTheRetries_EventKeptAndSentAgainLater()
    {
        await using var provider = Provider(o => o.MaxRetries = 2);
        await IssueAsync(provider);
        _receiver.Answer(503, 503, 503);

        var failed = await DispatchAsync(provider);

        Assert.Equal(new InvoiceEventDispatchResult(0, 1, 0), failed);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Equal(0, await provider.GetRequiredService<IInvoiceEventStore>().GetCursorAsync("webhook:crm"));

        _clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, (await DispatchAsync(provider)).Delivered);
        Assert.Equal(4, _receiver.Requests.Count);
        Assert.Single(_receiver.Requests.Select(r => r.EventId).Distinct());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Delivery_Refused4xx_NotRetriedAtOnce_EventKeptForLater(int status)
    {
        await using var provider = Provider(o => { });
        await IssueAsync(provider);
        _receiver.Answer(status);

        var failed = await DispatchAsync(provider);

        Assert.Equal(1, failed.Failed);
        Assert.Single(_receiver.Requests);
        _clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, (await DispatchAsync(provider)).Delivered);
        Assert.Equal(2, _receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_Refused4xxWithSkipRejectedEvents_MovesOn()
    {
        await using var provider = Provider(o => o.SkipRejectedEvents = true);
        var issued = await IssueAsync(provider);
        await provider.GetRequiredService<IInvoiceStore>().RecordPaymentAsync(new Payment(Guid.NewGuid(), issued.Number, new LocalDate(2026, 11, 3), 120m, PaymentMethod.Card));
        _receiver.Answer(400);

        var result = await DispatchAsync(provider);

        Assert.Equal(new InvoiceEventDispatchResult(2, 0, 0), result);
        Assert.Equal(["issued", "paid"], _receiver.Requests.Select(r => r.EventType));
    }

    [Fact]
    public async Task Delivery_KindsChosen_OthersPassedOver()
    {
        await using var provider = Provider(o => o.Kinds.Add(InvoiceEventKind.Paid));
        var issued = await IssueAsync(provider);
        await provider.GetRequiredService<IInvoiceStore>().RecordPaymentAsync(new Payment(Guid.NewGuid(), issued.Number, new LocalDate(2026, 11, 3), 120m, PaymentMethod.Card));

        Assert.Equal(2, (await DispatchAsync(provider)).Delivered);

        Assert.Equal(["paid"], _receiver.Requests.Select(r => r.EventType));
    }

    [Fact]
    public async Task Delivery_ReceiverUnreachable_FailsAndKeepsTheEvent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var provider = Provider(o => o.Url = new Uri($"http://127.0.0.1:{port}/hook"));
        await IssueAsync(provider);

        var result = await DispatchAsync(provider);

        Assert.Equal(new InvoiceEventDispatchResult(0, 1, 0), result);
        Assert.Equal(0, await provider.GetRequiredService<IInvoiceEventStore>().GetCursorAsync("webhook:crm"));
    }

    [Fact]
    public async Task AddWebhook_ShortSecretOrRelativeUrl_RefusedAtStart()
    {
        await using var shortSecret = Provider(o => o.Secret = "short");
        await using var relative = Provider(o => o.Url = new Uri("/hook", UriKind.Relative));

        var secretError = Assert.Throws<OptionsValidationException>(() => shortSecret.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get("crm"));
        var urlError = Assert.Throws<OptionsValidationException>(() => relative.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get("crm"));

        Assert.Contains("Secret", secretError.Message, StringComparison.Ordinal);
        Assert.Contains("Url", urlError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhook_BadOrRepeatedName_Refused()
    {
        var builder = new ServiceCollection().AddInvoicing().UseInMemoryStore();
        builder.AddWebhook("crm", o => { });

        Assert.Throws<ArgumentException>(() => builder.AddWebhook("crm", o => { }));
        Assert.Throws<ArgumentException>(() => builder.AddWebhook("c r m", o => { }));
        Assert.Throws<ArgumentException>(() => builder.AddWebhook("", o => { }));
    }

    private ServiceProvider Provider(Action<WebhookEndpointOptions> adjust)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddInvoicing().UseInMemoryStore()
            .AddInvoiceEvents(o => o.RunInBackground = false)
            .AddWebhook("crm", o =>
            {
                o.Url = _receiver.Url;
                o.Secret = Secret;
                o.RetryDelay = TimeSpan.FromMilliseconds(5);
                adjust(o);
            });
        return services.BuildServiceProvider();
    }

    private static Task<IssuedInvoice> IssueAsync(IServiceProvider provider) =>
        provider.GetRequiredService<IInvoiceStore>().IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                IssueDate = new LocalDate(2026, 11, 2),
                DueDate = new LocalDate(2026, 12, 2),
                Currency = Currency.Eur,
                Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
                Buyer = new Party { Name = "Client", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
                Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = 100m, VatCategory = VatCategory.S, VatRate = 20m }],
            },
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0),
        });

    private static Task<InvoiceEventDispatchResult> DispatchAsync(IServiceProvider provider) =>
        provider.GetRequiredService<IInvoiceEventDispatcher>().DispatchOnceAsync();
}
