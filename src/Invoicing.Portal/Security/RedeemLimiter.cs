using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Invoicing.Portal.Security;

/// <summary>
/// Limits link redemptions per client IP address with a fixed window, so tokens cannot be guessed at speed. Its own
/// limiter rather than the rate-limiting middleware: the portal works without the host adding middleware or policies.
/// </summary>
internal sealed class RedeemLimiter(PortalOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RedeemPermitLimit,
            Window = options.RedeemWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Whether this client may try one more link now.</summary>
    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
