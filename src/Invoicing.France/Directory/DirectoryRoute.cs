namespace Invoicing.France;

/// <summary>
/// Which directory line an invoice follows (pure): only lines in force and of this buyer count, and the most precise
/// wins (a line for the routing code, then one for the facility, then the company's own). A line for another facility
/// or code never routes an invoice that names none.
/// </summary>
internal static class DirectoryRoute
{
    public static DirectoryLine? Choose(IReadOnlyList<DirectoryLine> lines, string siren, string? siret, string? routingIdentifier) => lines
        .Where(l => l.Status == DirectoryLineStatus.Enabled && l.Siren == siren)
        .Where(l => l.Siret is null || l.Siret == siret)
        .Where(l => l.RoutingIdentifier is null || l.RoutingIdentifier == routingIdentifier)
        .OrderByDescending(l => (l.RoutingIdentifier is not null ? 2 : 0) + (l.Siret is not null ? 1 : 0))
        .ThenBy(l => l.AddressingIdentifier, StringComparer.Ordinal)
        .FirstOrDefault();
}
