namespace Invoicing.France;

/// <summary>The types of an amount in a status (MDT-207, closed list BR-FR-CDV-CL-11).</summary>
public static class StatusAmountTypes
{
    /// <summary>MEN: the amount cashed, VAT included, per VAT rate (status 212).</summary>
    public const string Cashed = "MEN";

    /// <summary>MPA: the amount paid (status 211).</summary>
    public const string Paid = "MPA";

    /// <summary>MAP: the amount approved, VAT excluded (status 206).</summary>
    public const string Approved = "MAP";

    /// <summary>MAPTTC: the amount approved, VAT included (status 206).</summary>
    public const string ApprovedWithVat = "MAPTTC";

    /// <summary>MNA: the amount not approved, VAT excluded (status 206).</summary>
    public const string NotApproved = "MNA";

    /// <summary>MNATTC: the amount not approved, VAT included (status 206).</summary>
    public const string NotApprovedWithVat = "MNATTC";

    private static readonly string[] All = ["MEN", "MPA", "RAP", "ESC", "RAB", "REM", "MAP", "MAPTTC", "MNA", "MNATTC", "CBB", "DIV", "DVA", "MAJ"];

    /// <summary>Whether <paramref name="type"/> is on the closed list.</summary>
    public static bool IsListed(string? type) => All.Contains(type);
}
