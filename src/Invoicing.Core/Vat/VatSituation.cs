using NodaTime;

namespace Invoicing.Core;

/// <summary>The facts <see cref="VatResolver"/> needs to pick a VAT category, rate and mention.</summary>
public sealed record VatSituation
{
    /// <summary>ISO 3166-1 alpha-2 country of the seller (BT-40).</summary>
    public required string SellerCountry { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country of the buyer (BT-55).</summary>
    public required string BuyerCountry { get; init; }

    /// <summary>Whether the buyer is a business (as opposed to a consumer).</summary>
    public bool BuyerIsBusiness { get; init; }

    /// <summary>The buyer's VAT identifier (BT-48); an intra-EU exemption or reverse charge needs one.</summary>
    public string? BuyerVatId { get; init; }

    /// <summary>Goods or services.</summary>
    public SupplyKind Supply { get; init; }

    /// <summary>Whether the seller is a French small business under the franchise (art. 293 B du CGI).</summary>
    public bool SellerFranchise { get; init; }

    /// <summary>The date the rate is read for (the tax point or the issue date).</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Which of the seller country's rates applies when the supply is taxed (standard by default).</summary>
    public VatRateKind RateKind { get; init; } = VatRateKind.Standard;
}
