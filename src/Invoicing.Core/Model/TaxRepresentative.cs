namespace Invoicing.Core;

/// <summary>
/// The seller's tax representative (BG-11): the party that accounts for VAT on the seller's behalf in the country
/// of the supply, for example when a non-established seller must appoint one. Its VAT identifier stands in for the
/// seller's in the EN 16931 VAT category rules (BR-S-02, BR-Z-02, BR-E-02, BR-AE-02, BR-IC-02, BR-G-02...).
/// </summary>
public sealed record TaxRepresentative
{
    /// <summary>Seller tax representative name (BT-62); required when the group is present (BR-18).</summary>
    public required string Name { get; init; }

    /// <summary>Seller tax representative VAT identifier (BT-63) with its country prefix; required by BR-56.</summary>
    public string? VatId { get; init; }

    /// <summary>
    /// Seller tax representative postal address (BG-12: BT-64..BT-68, BT-164; country code BT-69); required by
    /// BR-19, with its country code by BR-20.
    /// </summary>
    public PostalAddress? Address { get; init; }
}
