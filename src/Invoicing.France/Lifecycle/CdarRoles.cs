namespace Invoicing.France;

/// <summary>The party roles of a lifecycle status message (UNCL 3035) and the lists the French rules allow per position.</summary>
public static class CdarRoles
{
    /// <summary>The buyer.</summary>
    public const string Buyer = "BY";

    /// <summary>The seller.</summary>
    public const string Seller = "SE";

    /// <summary>A platform (PA) acting for a party.</summary>
    public const string Platform = "WK";

    /// <summary>The tax administration's portal (PPF).</summary>
    public const string TaxPortal = "DFH";

    /// <summary>The identification scheme of a platform's registration number ("matricule").</summary>
    public const string PlatformScheme = "0238";

    /// <summary>The registration number under which public buyers (B2G) send their statuses.</summary>
    public const string PublicBuyerRegistration = "9999";

    private static readonly string[] BusinessRoles = ["BY", "AB", "DL", "SE", "SR", "PE", "PR", "II", "IV"];

    /// <summary>Whether a role may send a processing status (BR-FR-CDV-CL-02): a business role or a platform.</summary>
    public static bool MaySendProcessing(string? role) => role == Platform || BusinessRoles.Contains(role);

    /// <summary>Whether a role may issue a processing status (BR-FR-CDV-CL-03): a business role.</summary>
    public static bool MayIssueProcessing(string? role) => BusinessRoles.Contains(role);

    /// <summary>Whether a role may receive a message (BR-FR-CDV-CL-04): a business role, a platform or the tax portal.</summary>
    public static bool MayReceive(string? role) => role is Platform or TaxPortal || BusinessRoles.Contains(role);
}
