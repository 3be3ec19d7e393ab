using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>VAT category code (BT-95, BT-102, BT-118, BT-151; UNTDID 5305 subset used by EN 16931).</summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<VatCategory>))]
public enum VatCategory
{
    /// <summary>S: standard rate.</summary>
    S,

    /// <summary>Z: zero rated goods.</summary>
    Z,

    /// <summary>E: exempt from VAT.</summary>
    E,

    /// <summary>AE: VAT reverse charge.</summary>
    AE,

    /// <summary>K: intra-community supply of goods and services (VAT exempt for EEA intra-community supply).</summary>
    K,

    /// <summary>G: free export item, VAT not charged.</summary>
    G,

    /// <summary>O: services outside scope of VAT.</summary>
    O,

    /// <summary>L: Canary Islands general indirect tax (IGIC).</summary>
    L,

    /// <summary>M: tax for production, services and importation in Ceuta and Melilla (IPSI).</summary>
    M,

    /// <summary>B: transferred VAT (Italian split payment).</summary>
    B,
}

/// <summary>Codes of the VAT categories.</summary>
public static class VatCategories
{
    /// <summary>The UNTDID 5305 code of the category.</summary>
    public static string Code(this VatCategory category) => category switch
    {
        VatCategory.S => "S",
        VatCategory.Z => "Z",
        VatCategory.E => "E",
        VatCategory.AE => "AE",
        VatCategory.K => "K",
        VatCategory.G => "G",
        VatCategory.O => "O",
        VatCategory.L => "L",
        VatCategory.M => "M",
        VatCategory.B => "B",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown VAT category."),
    };

    /// <summary>Parses a UNTDID 5305 code; false when it is not one EN 16931 allows.</summary>
    public static bool TryParse(string? code, out VatCategory category)
    {
        switch (code?.Trim())
        {
            case "S": category = VatCategory.S; return true;
            case "Z": category = VatCategory.Z; return true;
            case "E": category = VatCategory.E; return true;
            case "AE": category = VatCategory.AE; return true;
            case "K": category = VatCategory.K; return true;
            case "G": category = VatCategory.G; return true;
            case "O": category = VatCategory.O; return true;
            case "L": category = VatCategory.L; return true;
            case "M": category = VatCategory.M; return true;
            case "B": category = VatCategory.B; return true;
            default: category = default; return false;
        }
    }

    /// <summary>Whether the category always carries a zero VAT amount (Z, E, AE, K, G, O).</summary>
    public static bool IsZeroVat(this VatCategory category) =>
        category is VatCategory.Z or VatCategory.E or VatCategory.AE or VatCategory.K or VatCategory.G or VatCategory.O;
}
