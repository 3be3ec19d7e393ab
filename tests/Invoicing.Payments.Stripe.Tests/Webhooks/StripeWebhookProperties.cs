using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments.Stripe.Tests.Webhooks;

/// <summary>One host for the property's runs; each run pays its own invoice.</summary>
public sealed class StripeWebhookHostFixture : IAsyncLifetime
{
    public StripeTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StripeTestHost.StartAtAsync(StripeTestHost.Start.Plus(Duration.FromHours(2)));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Whatever the order in which Stripe delivers the events of a set of payments, with retries and both events of a
/// delayed payment, the invoice ends with each payment once: the recorded total is the sum of the distinct payments.
/// </summary>
public sealed class StripeWebhookProperties(StripeWebhookHostFixture fixture) : IClassFixture<StripeWebhookHostFixture>
{
    [Property(MaxTest = 40)]
    public async Task Deliveries_InAnyOrderWithRepeats_RecordEachPaymentOnce(ushort[] cents, bool[] delayed, int[] repeats, int seed)
    {
        var host = fixture.Host;
        var invoice = await host.IssueAsync(netPrice: 10_000m);
        var payments = cents.Take(6).Select((c, i) => (Intent: $"pi_{invoice.Number}_{i}", Minor: (long)(c % 20_000) + 1, Delayed: i < delayed.Length && delayed[i])).ToArray();
        var events = payments.SelectMany((p, i) => p.Delayed
                ? new[]
                {
                    StripeEventJson.Completed($"evt_{i}_c", invoice.Number, p.Minor, p.Intent, paymentStatus: "unpaid"),
                    StripeEventJson.AsyncSucceeded($"evt_{i}_s", invoice.Number, p.Minor, p.Intent),
                }
                : [StripeEventJson.Completed($"evt_{i}_c", invoice.Number, p.Minor, p.Intent)])
            .ToList();
        var deliveries = events.Concat(repeats.Take(12).Where(_ => events.Count > 0).Select(r => events[Math.Abs(r % events.Count)])).ToArray();
        new Random(seed).Shuffle(deliveries);

        foreach (var payload in deliveries)
        {
            using var response = await host.DeliverSignedAsync(payload);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        var account = await host.AccountAsync(invoice.Number);
        Assert.Equal(payments.Sum(p => p.Minor) / 100m, account.Paid);
        Assert.Equal(payments.Length, account.Payments.Count);
        Assert.Equal(payments.Select(p => PaymentIds.For("stripe", p.Intent)).Order(), account.Payments.Select(p => p.Id).Order());
        Assert.Equal(invoice.Totals.AmountDue - account.Paid, account.Balance);
    }
}
