using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>An invoice line (BG-25). Its net amount (BT-131) is computed by <see cref="InvoiceCalculator"/>, never stated.</summary>
public sealed record InvoiceLine
{
    /// <summary>Line identifier, unique within the invoice (BT-126).</summary>
    public required string Id { get; init; }

    /// <summary>Item name (BT-153).</summary>
    public required string ItemName { get; init; }

    /// <summary>Item description (BT-154).</summary>
    public string? Description { get; init; }

    /// <summary>Free-text note on the line (BT-127).</summary>
    public string? Note { get; init; }

    /// <summary>Invoiced quantity (BT-129); negative on a corrective line.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit of measure, UN/ECE Recommendation 20 or 21 code (BT-130): <c>C62</c> one, <c>HUR</c> hour, <c>KGM</c> kilogram.</summary>
    public string UnitCode { get; init => field = value ?? "C62"; } = "C62";

    /// <summary>
    /// Item net price (BT-146), without VAT, after any price discount. Zero on a line priced with VAT included
    /// (<see cref="VatInclusivePrice"/>): there the net price is derived by <see cref="InvoiceCalculator.ToNetPrices"/>.
    /// Always present in the JSON (a line that forgot its price must not become a free item).
    /// </summary>
    [JsonRequired]
    public decimal NetPrice { get; init; }

    /// <summary>
    /// Item price with VAT included, for prices shown to consumers (B2C); null on a line priced without VAT. Not an
    /// EN 16931 term: an e-invoice carries no VAT-inclusive price, so <see cref="InvoiceCalculator"/> derives the net
    /// figures (BT-146, BT-131, BT-116, BT-117) from it, and the invoice's grand total (BT-112) is the sum of the
    /// VAT-inclusive amounts to the cent. Either every line of an invoice has one or none does; see
    /// <see cref="Invoice.PricesIncludeVat"/>. Distinct from <see cref="GrossPrice"/> (BT-148), which is the net price
    /// before the price discount. Null when absent, so that the JSON of a line priced without VAT (and the archive
    /// hash computed from it) stays what it was before this member existed.
    /// </summary>
    public decimal? VatInclusivePrice { get; init; }

    /// <summary>Gross price before the price discount (BT-148), informative.</summary>
    public decimal? GrossPrice { get; init; }

    /// <summary>Price discount (BT-147) = gross price - net price, informative.</summary>
    public decimal? PriceDiscount { get; init; }

    /// <summary>Number of units the price applies to (BT-149); one when absent.</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>Unit of the base quantity (BT-150).</summary>
    public string? BaseQuantityUnitCode { get; init; }

    /// <summary>Line allowances and charges (BG-27, BG-28).</summary>
    public ValueList<AllowanceCharge> AllowancesCharges { get; init => field = value ?? ValueList<AllowanceCharge>.Empty; } = ValueList<AllowanceCharge>.Empty;

    /// <summary>VAT category of the item (BT-151).</summary>
    public required VatCategory VatCategory { get; init; }

    /// <summary>VAT rate in percent (BT-152), for example 20 or 5.5; absent for category O.</summary>
    public decimal? VatRate { get; init; }

    /// <summary>Period the line covers (BG-26).</summary>
    public InvoicePeriod? Period { get; init; }

    /// <summary>Seller's item identifier (BT-155).</summary>
    public string? SellerItemId { get; init; }

    /// <summary>Buyer's item identifier (BT-156).</summary>
    public string? BuyerItemId { get; init; }

    /// <summary>Standard item identifier such as a GTIN (BT-157).</summary>
    public Identifier? StandardItemId { get; init; }

    /// <summary>Item classification identifiers (BT-158), with the list id as scheme.</summary>
    public ValueList<Identifier> ClassificationIds { get; init => field = value ?? ValueList<Identifier>.Empty; } = ValueList<Identifier>.Empty;

    /// <summary>
    /// Item attributes (BG-32: BT-160 name, BT-161 value); null when there are none, so that the JSON of a line
    /// without attributes (and the archive hash computed from it) stays what it was before this member existed.
    /// </summary>
    public ValueList<ItemAttribute>? ItemAttributes { get; init; }

    /// <summary>Country of origin of the item (BT-159).</summary>
    public string? OriginCountryCode { get; init; }

    /// <summary>Referenced purchase order line (BT-132).</summary>
    public string? PurchaseOrderLineReference { get; init; }

    /// <summary>Buyer's accounting reference for the line (BT-133).</summary>
    public string? AccountingReference { get; init; }
}
