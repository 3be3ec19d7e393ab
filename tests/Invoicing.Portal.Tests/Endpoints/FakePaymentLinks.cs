using System.Collections.Concurrent;
using Invoicing.Payments;

namespace Invoicing.Portal.Tests.Endpoints;

/// <summary>A payment provider that records what it was asked and answers with a checkout address (or fails when told to).</summary>
internal sealed class FakePaymentLinks : IPaymentLinkProvider
{
    public ConcurrentQueue<PaymentLinkRequest> Requests { get; } = new();

    public bool Unavailable { get; init; }

    public string Name => "fake";

    public Task<PaymentLink> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        if (Unavailable)
        {
            throw new PaymentProviderException(Name, "unavailable", "The payment service is unavailable.", transient: true);
        }

        return Task.FromResult(new PaymentLink(new Uri("https://checkout.example.com/pay/cs_" + Requests.Count), "cs_" + Requests.Count, request.ExpiresAt));
    }
}
