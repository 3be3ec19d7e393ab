using Microsoft.AspNetCore.DataProtection;

namespace Invoicing.Portal.Security;

/// <summary>Where the portal's Data Protection keys come from.</summary>
internal static class PortalKeyRing
{
    /// <summary>
    /// A provider of its own over the key files in <paramref name="directory"/>: the host's own Data Protection setup
    /// stays untouched, and the CLI opening the same directory with the same application name reads the same keys.
    /// </summary>
    public static IDataProtectionProvider FromDirectory(string directory, string applicationName) =>
        DataProtectionProvider.Create(new DirectoryInfo(directory), builder => builder.SetApplicationName(applicationName));
}
