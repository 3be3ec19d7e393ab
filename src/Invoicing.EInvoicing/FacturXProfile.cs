namespace Invoicing.EInvoicing;

/// <summary>The Factur-X / ZUGFeRD profiles of a CII invoice, from the smallest to the richest.</summary>
public enum FacturXProfile
{
    /// <summary>MINIMUM: header and totals only, no lines (not an EN 16931 invoice).</summary>
    Minimum,

    /// <summary>BASIC WL: header, parties, allowances, VAT breakdown and totals, no lines.</summary>
    BasicWl,

    /// <summary>BASIC: a subset of EN 16931 with lines.</summary>
    Basic,

    /// <summary>EN 16931 (COMFORT): the full European semantic model.</summary>
    En16931,

    /// <summary>EXTENDED: EN 16931 plus the Factur-X extensions.</summary>
    Extended,
}

/// <summary>Facts about <see cref="FacturXProfile"/>: specification identifiers (BT-24) and names.</summary>
public static class FacturXProfiles
{
    /// <summary>Guideline id of MINIMUM.</summary>
    public const string MinimumId = "urn:factur-x.eu:1p0:minimum";

    /// <summary>Guideline id of BASIC WL.</summary>
    public const string BasicWlId = "urn:factur-x.eu:1p0:basicwl";

    /// <summary>Guideline id of BASIC.</summary>
    public const string BasicId = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic";

    /// <summary>Guideline id of EN 16931 (COMFORT).</summary>
    public const string En16931Id = "urn:cen.eu:en16931:2017";

    /// <summary>Guideline id of EXTENDED.</summary>
    public const string ExtendedId = "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended";

    /// <summary>The specification identifier (BT-24) a CII invoice of this profile carries.</summary>
    public static string GuidelineId(this FacturXProfile profile) => profile switch
    {
        FacturXProfile.Minimum => MinimumId,
        FacturXProfile.BasicWl => BasicWlId,
        FacturXProfile.Basic => BasicId,
        FacturXProfile.En16931 => En16931Id,
        FacturXProfile.Extended => ExtendedId,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown Factur-X profile."),
    };

    /// <summary>The name of the profile as Factur-X writes it in the PDF metadata (<c>EN 16931</c>, <c>BASIC WL</c>).</summary>
    public static string DisplayName(this FacturXProfile profile) => profile switch
    {
        FacturXProfile.Minimum => "MINIMUM",
        FacturXProfile.BasicWl => "BASIC WL",
        FacturXProfile.Basic => "BASIC",
        FacturXProfile.En16931 => "EN 16931",
        FacturXProfile.Extended => "EXTENDED",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown Factur-X profile."),
    };

    /// <summary>
    /// Finds the profile a specification identifier (BT-24) names; false for identifiers of other
    /// specifications (XRechnung, Peppol), which are EN 16931 invoices but not Factur-X profiles.
    /// </summary>
    public static bool TryFromGuidelineId(string? guidelineId, out FacturXProfile profile)
    {
        var id = guidelineId?.Trim();
        switch (id)
        {
            case MinimumId: profile = FacturXProfile.Minimum; return true;
            case BasicWlId: profile = FacturXProfile.BasicWl; return true;
            case BasicId or "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic": profile = FacturXProfile.Basic; return true;
            case En16931Id: profile = FacturXProfile.En16931; return true;
            case ExtendedId or "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended": profile = FacturXProfile.Extended; return true;
            case "urn:zugferd.de:2p0:minimum": profile = FacturXProfile.Minimum; return true;
            case "urn:zugferd.de:2p0:basicwl": profile = FacturXProfile.BasicWl; return true;
            default: profile = default; return false;
        }
    }

    /// <summary>Parses a profile name as a person types it: <c>minimum</c>, <c>basicwl</c> / <c>basic-wl</c>, <c>basic</c>, <c>en16931</c> / <c>comfort</c>, <c>extended</c>.</summary>
    public static bool TryParseName(string? name, out FacturXProfile profile)
    {
        switch (name?.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal))
        {
            case "MINIMUM": profile = FacturXProfile.Minimum; return true;
            case "BASICWL": profile = FacturXProfile.BasicWl; return true;
            case "BASIC": profile = FacturXProfile.Basic; return true;
            case "EN16931" or "COMFORT": profile = FacturXProfile.En16931; return true;
            case "EXTENDED": profile = FacturXProfile.Extended; return true;
            default: profile = default; return false;
        }
    }

    /// <summary>Whether documents of this profile carry invoice lines (BASIC and above).</summary>
    public static bool HasLines(this FacturXProfile profile) => profile >= FacturXProfile.Basic;
}
