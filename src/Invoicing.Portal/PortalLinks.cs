using Invoicing.Portal.Security;
using NodaTime;

namespace Invoicing.Portal;

/// <summary>Magic links outside a web host: support tools and mail jobs that share the portal's key ring.</summary>
public static class PortalLinks
{
    /// <summary>
    /// Mints links with the key ring in <see cref="PortalOptions.KeysDirectory"/>, the same the portal's hosts use, so
    /// that the links they print are redeemed by the portal.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid (no public URL, no keys directory, a bad lifetime); the message names the option.</exception>
    public static IPortalLinks Create(PortalOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (PortalOptionsRules.FirstProblem(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.KeysDirectory))
        {
            throw new ArgumentException("PortalOptions.KeysDirectory is required to mint links outside the portal's host.", nameof(options));
        }

        return new MagicLinks(new PortalTokens(PortalKeyRing.FromDirectory(options.KeysDirectory, options.ApplicationName), clock), options);
    }
}
