using Invoicing.Crm;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// The CRM sources <c>invoicing crm sync --source NAME</c> can read besides <c>csv</c> (which the command reads itself,
/// to print each bad row): one factory per name, given the command line's connection options. A connector package
/// adds its line here (<c>["hubspot"] = arguments => ...</c>); the command lists the names in its help and refuses any
/// other. A factory refuses missing options with a <see cref="CrmException"/> of reason
/// <see cref="CrmErrorReason.Configuration"/>.
/// </summary>
internal static class CrmSources
{
    /// <summary>The factories by source name (lower case).</summary>
    public static IReadOnlyDictionary<string, Func<CrmSourceArguments, ICrmSource>> Factories { get; } =
        new Dictionary<string, Func<CrmSourceArguments, ICrmSource>>(StringComparer.OrdinalIgnoreCase)
        {
            ["hubspot"] = ConnectorSources.HubSpot,
            ["salesforce"] = ConnectorSources.Salesforce,
            ["zoho"] = ConnectorSources.Zoho,
        };
}
