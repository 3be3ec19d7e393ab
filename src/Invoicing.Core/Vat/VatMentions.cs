using System.Collections.Frozen;

namespace Invoicing.Core;

/// <summary>
/// The VAT categories of EN 16931 (UNTDID 5305 subset) with their VATEX exemption reason codes (CEF VATEX list)
/// and the legal mention to print, in French and in English.
/// </summary>
public static class VatMentions
{
    /// <summary>VATEX code of a French small business under the franchise (art. 293 B du CGI).</summary>
    public const string FrenchFranchiseCode = "VATEX-FR-FRANCHISE";

    /// <summary>VATEX code of the reverse charge (category AE).</summary>
    public const string ReverseChargeCode = "VATEX-EU-AE";

    /// <summary>VATEX code of an intra-community supply (category K).</summary>
    public const string IntraCommunityCode = "VATEX-EU-IC";

    /// <summary>VATEX code of an export outside the EU (category G).</summary>
    public const string ExportCode = "VATEX-EU-G";

    /// <summary>VATEX code of a supply outside the scope of VAT (category O).</summary>
    public const string OutOfScopeCode = "VATEX-EU-O";

    /// <summary>Standard rate: no mention.</summary>
    public static VatMention Standard { get; } = new(VatCategory.S, null, "TVA au taux normal ou réduit", "Standard or reduced VAT rate");

    /// <summary>Zero rated goods: no exemption code.</summary>
    public static VatMention ZeroRated { get; } = new(VatCategory.Z, null, "TVA au taux zéro", "Zero rated");

    /// <summary>Exempt under the French franchise for small businesses.</summary>
    public static VatMention FrenchFranchise { get; } = new(
        VatCategory.E, FrenchFranchiseCode, "TVA non applicable, art. 293 B du CGI", "VAT not applicable, article 293 B of the French tax code (CGI)");

    /// <summary>Exempt under Article 132 of the VAT directive (activities in the public interest: health, education...).</summary>
    public static VatMention ExemptPublicInterest { get; } = new(
        VatCategory.E, "VATEX-EU-132", "Exonération de TVA, article 261 du CGI", "Exempt based on article 132 of Council Directive 2006/112/EC");

    /// <summary>Reverse charge: the buyer accounts for the VAT.</summary>
    public static VatMention ReverseCharge { get; } = new(VatCategory.AE, ReverseChargeCode, "Autoliquidation", "Reverse charge");

    /// <summary>Intra-community supply of goods, exempt in the seller's country.</summary>
    public static VatMention IntraCommunitySupply { get; } = new(
        VatCategory.K, IntraCommunityCode, "Exonération de TVA, article 262 ter, I du CGI", "Intra-Community supply, exempt from VAT (article 138 of Directive 2006/112/EC)");

    /// <summary>Export outside the EU, exempt.</summary>
    public static VatMention Export { get; } = new(
        VatCategory.G, ExportCode, "Exonération de TVA, article 262 I du CGI", "Export outside the EU, exempt from VAT (article 146 of Directive 2006/112/EC)");

    /// <summary>Outside the scope of VAT.</summary>
    public static VatMention OutOfScope { get; } = new(VatCategory.O, OutOfScopeCode, "Opération non soumise à la TVA", "Not subject to VAT");

    /// <summary>Canary Islands general indirect tax (IGIC).</summary>
    public static VatMention CanaryIslands { get; } = new(VatCategory.L, null, "IGIC (îles Canaries)", "Canary Islands general indirect tax (IGIC)");

    /// <summary>Ceuta and Melilla tax (IPSI).</summary>
    public static VatMention CeutaMelilla { get; } = new(VatCategory.M, null, "IPSI (Ceuta et Melilla)", "Tax for production, services and importation in Ceuta and Melilla (IPSI)");

    /// <summary>Italian split payment: VAT paid by the public buyer to the treasury.</summary>
    public static VatMention SplitPayment { get; } = new(VatCategory.B, null, "TVA versée par l'acheteur (scission du paiement, Italie)", "Transferred VAT (Italian split payment)");

    private static readonly FrozenDictionary<string, string> KnownCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VATEX-EU-79-C"] = "Exempt based on article 79, point c of Council Directive 2006/112/EC",
        ["VATEX-EU-132"] = "Exempt based on article 132 of Council Directive 2006/112/EC",
        ["VATEX-EU-143"] = "Exempt based on article 143 of Council Directive 2006/112/EC",
        ["VATEX-EU-148"] = "Exempt based on article 148 of Council Directive 2006/112/EC",
        ["VATEX-EU-151"] = "Exempt based on article 151 of Council Directive 2006/112/EC",
        ["VATEX-EU-309"] = "Exempt based on article 309 of Council Directive 2006/112/EC",
        ["VATEX-EU-AE"] = "Reverse charge",
        ["VATEX-EU-D"] = "Intra-Community acquisition from second hand means of transport",
        ["VATEX-EU-F"] = "Intra-Community acquisition of second hand goods",
        ["VATEX-EU-G"] = "Export outside the EU",
        ["VATEX-EU-I"] = "Intra-Community acquisition of works of art",
        ["VATEX-EU-IC"] = "Intra-Community supply",
        ["VATEX-EU-O"] = "Not subject to VAT",
        ["VATEX-EU-J"] = "Intra-Community acquisition of collectors items and antiques",
        ["VATEX-FR-FRANCHISE"] = "France domestic VAT franchise in base",
        ["VATEX-FR-CNWVAT"] = "France domestic Credit Notes without VAT, due to supplier forfeit of VAT for discount",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The VATEX codes this SDK knows (CEF VATEX code list), with their English meaning.</summary>
    public static IReadOnlyDictionary<string, string> Codes => KnownCodes;

    /// <summary>Whether <paramref name="code"/> is a VATEX code of the list.</summary>
    public static bool IsKnownCode(string? code) => code is not null && KnownCodes.ContainsKey(code);

    /// <summary>The usual mention of a category (for E: the general exemption of article 132; use <see cref="FrenchFranchise"/> for the franchise).</summary>
    public static VatMention For(VatCategory category) => category switch
    {
        VatCategory.S => Standard,
        VatCategory.Z => ZeroRated,
        VatCategory.E => ExemptPublicInterest,
        VatCategory.AE => ReverseCharge,
        VatCategory.K => IntraCommunitySupply,
        VatCategory.G => Export,
        VatCategory.O => OutOfScope,
        VatCategory.L => CanaryIslands,
        VatCategory.M => CeutaMelilla,
        VatCategory.B => SplitPayment,
        _ => throw new InvoiceValidationException(ValidationIssue.Error("BR-CO-04", "category", $"'{(int)category}' is not a VAT category code.")),
    };

    /// <summary>Whether invoices with this category must state an exemption reason (BT-120 or BT-121): E, AE, K, G, O.</summary>
    public static bool RequiresExemptionReason(VatCategory category) =>
        category is VatCategory.E or VatCategory.AE or VatCategory.K or VatCategory.G or VatCategory.O;
}
