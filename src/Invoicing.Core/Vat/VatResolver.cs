namespace Invoicing.Core;

/// <summary>
/// Picks the VAT category, rate and legal mention of a supply from the situation. Pure function. The rules:
/// <list type="number">
/// <item>French franchise (seller in FR): E, 0 %, <c>VATEX-FR-FRANCHISE</c>, "TVA non applicable, art. 293 B du CGI".</item>
/// <item>Same country: S at the seller country's rate of <see cref="VatSituation.RateKind"/> on the date.</item>
/// <item>Buyer outside the EU: goods are an export, G, 0 %, <c>VATEX-EU-G</c>; services to a business are outside
/// the scope of the seller's VAT, O, no rate, <c>VATEX-EU-O</c>; services to a consumer are taxed as at home (S).</item>
/// <item>Buyer in another EU state, a business with a VAT id: goods K, 0 %, <c>VATEX-EU-IC</c>;
/// services AE, 0 %, <c>VATEX-EU-AE</c>, "Autoliquidation".</item>
/// <item>Buyer in another EU state without a VAT id (a consumer): S at the seller country's rate
/// (distance-selling thresholds and the OSS are not modelled).</item>
/// </list>
/// </summary>
public static class VatResolver
{
    /// <summary>Resolves the treatment of <paramref name="situation"/>.</summary>
    /// <exception cref="InvoiceValidationException">A country is missing or malformed, the franchise is claimed outside France,
    /// or the seller country has no rate table for a taxed supply.</exception>
    public static VatTreatment Resolve(VatSituation situation)
    {
        if (situation is null)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("VAT-SITUATION", "situation", "The VAT situation is missing."));
        }

        var seller = Country(situation.SellerCountry, "sellerCountry");
        var buyer = Country(situation.BuyerCountry, "buyerCountry");
        if (situation.SellerFranchise)
        {
            return seller == "FR"
                ? new VatTreatment(VatCategory.E, 0m, VatMentions.FrenchFranchise)
                : throw new InvoiceValidationException(ValidationIssue.Error(
                    "VAT-FRANCHISE", "sellerFranchise", $"The franchise of art. 293 B du CGI is French; the seller is in {seller}."));
        }

        if (seller == buyer)
        {
            return Taxed(situation, seller);
        }

        if (!EuropeanUnion.IsMember(buyer))
        {
            if (situation.Supply == SupplyKind.Goods)
            {
                return new VatTreatment(VatCategory.G, 0m, VatMentions.Export);
            }

            return situation.BuyerIsBusiness
                ? new VatTreatment(VatCategory.O, null, VatMentions.OutOfScope)
                : Taxed(situation, seller);
        }

        if (situation.BuyerIsBusiness && !string.IsNullOrWhiteSpace(situation.BuyerVatId) && EuropeanUnion.IsMember(seller))
        {
            return situation.Supply == SupplyKind.Goods
                ? new VatTreatment(VatCategory.K, 0m, VatMentions.IntraCommunitySupply)
                : new VatTreatment(VatCategory.AE, 0m, VatMentions.ReverseCharge);
        }

        return Taxed(situation, seller);
    }

    private static VatTreatment Taxed(VatSituation situation, string seller) =>
        new(VatCategory.S, VatRates.Find(seller, situation.RateKind, situation.Date).Percent, null);

    private static string Country(string? code, string field)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        if (trimmed is null || trimmed.Length != 2 || !char.IsAsciiLetterUpper(trimmed[0]) || !char.IsAsciiLetterUpper(trimmed[1]))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "VAT-COUNTRY", field, $"'{code}' is not an ISO 3166-1 alpha-2 country code."));
        }

        return trimmed;
    }
}
