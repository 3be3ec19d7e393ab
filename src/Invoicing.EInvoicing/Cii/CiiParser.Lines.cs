using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Cii;

/// <content>Invoice lines (BG-25): identifier and notes, item, price, quantity, VAT, period, allowances and charges.</content>
internal sealed partial class CiiParser
{
    /// <summary>The line at 1-based <paramref name="line"/>, and the net amount (BT-131) it states (0 when it states none).</summary>
    private (InvoiceLine Line, decimal StatedNet) ReadLine(int line)
    {
        var depth = _cursor.Depth;
        LineDocument? document = null;
        Item? item = null;
        LinePrices? prices = null;
        (decimal Quantity, string UnitCode)? quantity = null;
        LineSettlement? settlement = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "AssociatedDocumentLineDocument":
                    document ??= ReadLineDocument(line);
                    break;
                case "SpecifiedTradeProduct":
                    item ??= ReadItem(line);
                    break;
                case "SpecifiedLineTradeAgreement":
                    prices ??= ReadLinePrices(line);
                    break;
                case "SpecifiedLineTradeDelivery" when quantity is null:
                    quantity = ReadBilledQuantity(line);
                    break;
                case "SpecifiedLineTradeSettlement":
                    settlement ??= ReadLineSettlement(line);
                    break;
                default:
                    break;
            }
        }

        Required(document, depth, "AssociatedDocumentLineDocument", "the line identifier (BT-126)", line);
        Required(item, depth, "SpecifiedTradeProduct", "the item (BG-31)", line);
        Required(prices, depth, "SpecifiedLineTradeAgreement", "the price details (BG-29)", line);
        var (billed, unitCode) = quantity ?? throw _cursor.Error(depth, MissingMessage("the invoiced quantity (BT-129)", line), "SpecifiedLineTradeDelivery");
        Required(settlement, depth, "SpecifiedLineTradeSettlement", "the line VAT information (BG-30)", line);
        var result = new InvoiceLine
        {
            Id = document!.Id,
            Note = document.Note,
            ItemName = item!.Name,
            Description = item.Description,
            ItemAttributes = item.Attributes?.ToValueList(),
            SellerItemId = item.SellerItemId,
            BuyerItemId = item.BuyerItemId,
            StandardItemId = item.StandardItemId,
            ClassificationIds = item.ClassificationIds.ToValueList(),
            OriginCountryCode = item.OriginCountryCode,
            PurchaseOrderLineReference = prices!.PurchaseOrderLineReference,
            GrossPrice = prices.GrossPrice,
            PriceDiscount = prices.PriceDiscount,
            NetPrice = prices.NetPrice,
            BaseQuantity = prices.BaseQuantity,
            BaseQuantityUnitCode = prices.BaseQuantityUnitCode,
            Quantity = billed,
            UnitCode = unitCode,
            VatCategory = settlement!.Category,
            VatRate = settlement.Rate,
            Period = settlement.Period,
            AllowancesCharges = settlement.AllowancesCharges.ToValueList(),
            AccountingReference = settlement.AccountingReference,
        };
        return (result, settlement.StatedNet);
    }

    private LineDocument ReadLineDocument(int line)
    {
        var depth = _cursor.Depth;
        string? id = null;
        List<string>? notes = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "LineID":
                    id ??= Text();
                    break;
                case "IncludedNote":
                    string? subject = null;
                    if (ReadContents(ref subject) is { } note)
                    {
                        (notes ??= []).Add(note);
                    }

                    break;
                default:
                    break;
            }
        }

        return new LineDocument(Required(id, depth, "LineID", "the line identifier (BT-126)", line), notes is null ? null : string.Join("\n", notes));
    }

    /// <summary>The item (BG-31).</summary>
    private Item ReadItem(int line)
    {
        var depth = _cursor.Depth;
        string? name = null, description = null, sellerId = null, buyerId = null, origin = null;
        Identifier? standardId = null;
        List<ItemAttribute>? attributes = null;
        var classifications = new List<Identifier>();
        bool hasGlobalId = false, hasOrigin = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "GlobalID" when !hasGlobalId:
                    hasGlobalId = true;
                    standardId = ReadIdentifier();
                    break;
                case "SellerAssignedID":
                    sellerId ??= Text();
                    break;
                case "BuyerAssignedID":
                    buyerId ??= Text();
                    break;
                case "Name":
                    name ??= Text();
                    break;
                case "Description":
                    description ??= Text();
                    break;
                case "ApplicableProductCharacteristic":
                    (attributes ??= []).Add(ReadItemAttribute(line));
                    break;
                case "DesignatedProductClassification":
                    if (ReadFirstIdentifier("ClassCode", "listID") is { } classification)
                    {
                        classifications.Add(classification);
                    }

                    break;
                case "OriginTradeCountry" when !hasOrigin:
                    hasOrigin = true;
                    origin = ChildText("ID");
                    break;
                default:
                    break;
            }
        }

        return new Item(
            Required(name, depth, "Name", "the item name (BT-153)", line),
            Value(description),
            attributes,
            Value(sellerId),
            Value(buyerId),
            standardId,
            classifications,
            Value(origin));
    }

    /// <summary>A product characteristic (BG-32): its name (BT-160) and value (BT-161).</summary>
    private ItemAttribute ReadItemAttribute(int line)
    {
        var depth = _cursor.Depth;
        string? name = null, value = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "Description":
                    name ??= Text();
                    break;
                case "Value":
                    value ??= Text();
                    break;
                default:
                    break;
            }
        }

        return new ItemAttribute(
            Required(name, depth, "Description", "the item attribute name (BT-160)", line),
            Required(value, depth, "Value", "the item attribute value (BT-161)", line));
    }

    /// <summary>The price details (BG-29): net price (BT-146), gross price (BT-148), price discount (BT-147), base quantity (BT-149, BT-150).</summary>
    private LinePrices ReadLinePrices(int line)
    {
        var depth = _cursor.Depth;
        string? orderLine = null;
        Price? net = null, gross = null;
        var hasOrder = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "BuyerOrderReferencedDocument" when !hasOrder:
                    hasOrder = true;
                    orderLine = ChildText("LineID");
                    break;
                case "GrossPriceProductTradePrice":
                    gross ??= ReadPrice(line, isNet: false);
                    break;
                case "NetPriceProductTradePrice":
                    net ??= ReadPrice(line, isNet: true);
                    break;
                default:
                    break;
            }
        }

        Required(net, depth, "NetPriceProductTradePrice", "the item net price (BT-146)", line);

        // The base quantity of the net price, else the gross price's: that one is checked only when it is used.
        var basis = net!.Basis ?? gross?.Basis;
        if (basis is { Malformed: { } malformed })
        {
            throw _cursor.Error(malformed, NumberMessage(basis.Text, "the item price base quantity (BT-149)", line), "BasisQuantity", _ram, 1);
        }

        return new LinePrices(Value(orderLine), gross?.Amount, gross?.Discount, net.Amount!.Value, basis?.Value, basis?.UnitCode);
    }

    /// <summary>A net or gross price: its amount, base quantity and (gross) the first price discount (allowance).</summary>
    private Price ReadPrice(int line, bool isNet)
    {
        var depth = _cursor.Depth;
        string? amount = null, basisText = null, basisUnit = null;
        var hasBasis = false;
        decimal? discount = null;
        var hasDiscount = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ChargeAmount":
                    amount ??= Text();
                    break;
                case "BasisQuantity" when !hasBasis:
                    hasBasis = true;
                    basisUnit = _cursor.Attribute("unitCode");
                    basisText = Text();
                    break;
                case "AppliedTradeAllowanceCharge" when !isNet && !hasDiscount:
                    (hasDiscount, discount) = ReadPriceAllowanceCharge(line);
                    break;
                default:
                    break;
            }
        }

        var value = isNet
            ? RequiredDecimal(amount, depth, "ChargeAmount", "the item net price (BT-146)", line)
            : OptionalDecimal(amount, depth, "ChargeAmount", "the item gross price (BT-148)", line);
        BaseQuantity? basis = null;
        if (hasBasis)
        {
            if (basisText!.Length == 0)
            {
                basis = new BaseQuantity(null, basisUnit, basisText, null);
            }
            else if (TryDecimal(basisText, out var quantity))
            {
                basis = new BaseQuantity(quantity, basisUnit, basisText, null);
            }
            else
            {
                basis = isNet
                    ? throw _cursor.Error(depth, NumberMessage(basisText, "the item price base quantity (BT-149)", line), "BasisQuantity", _ram, 1)
                    : new BaseQuantity(null, basisUnit, basisText, _cursor.Mark(depth));
            }
        }

        return new Price(value, basis, discount);
    }

    /// <summary>A charge or allowance on the gross price: (true, its amount) when it is an allowance, the price discount (BT-147).</summary>
    private (bool IsDiscount, decimal? Amount) ReadPriceAllowanceCharge(int line)
    {
        var depth = _cursor.Depth;
        bool? isCharge = null;
        string? amount = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ChargeIndicator" when isCharge is null:
                    isCharge = ReadIndicator(line);
                    break;
                case "ActualAmount":
                    amount ??= Text();
                    break;
                default:
                    break;
            }
        }

        var charge = isCharge ?? throw _cursor.Error(depth, MissingMessage("the charge indicator of an allowance or charge (BG-20, BG-21)", line), "ChargeIndicator");
        return charge ? (false, null) : (true, OptionalDecimal(amount, depth, "ActualAmount", "the item price discount (BT-147)", line));
    }

    /// <summary>The invoiced quantity (BT-129) and its unit (BT-130, C62 "one" when not stated).</summary>
    private (decimal Quantity, string UnitCode) ReadBilledQuantity(int line)
    {
        var depth = _cursor.Depth;
        string? text = null, unit = null;
        while (_cursor.ReadChild(depth))
        {
            if (text is null && IsRam && _cursor.LocalName == "BilledQuantity")
            {
                unit = _cursor.Attribute("unitCode");
                text = Text();
            }
        }

        var quantity = text is null
            ? throw _cursor.Error(depth, MissingMessage("the invoiced quantity (BT-129)", line), "BilledQuantity")
            : Decimal(text, depth, "BilledQuantity", "the invoiced quantity (BT-129)", line);
        return (quantity, unit ?? "C62");
    }

    private LineSettlement ReadLineSettlement(int line)
    {
        var depth = _cursor.Depth;
        (VatCategory Category, decimal? Rate)? tax = null;
        InvoicePeriod? period = null;
        var allowancesCharges = new List<AllowanceCharge>();
        string? accountingReference = null;
        decimal? statedNet = null;
        bool hasPeriod = false, hasAccount = false, hasSum = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ApplicableTradeTax" when tax is null:
                    tax = ReadTradeTax("the VAT category code (BT-151)", "the VAT rate (BT-152)", line);
                    break;
                case "BillingSpecifiedPeriod" when !hasPeriod:
                    hasPeriod = true;
                    period = ReadPeriod("the line period start date (BT-134)", "the line period end date (BT-135)", line);
                    break;
                case "SpecifiedTradeAllowanceCharge":
                    allowancesCharges.Add(ReadAllowanceCharge(withTax: false, line));
                    break;
                case "SpecifiedTradeSettlementLineMonetarySummation" when !hasSum:
                    hasSum = true;
                    var sumDepth = _cursor.Depth;
                    statedNet = RequiredDecimal(ChildText("LineTotalAmount"), sumDepth, "LineTotalAmount", "the line net amount (BT-131)", line);
                    break;
                case "ReceivableSpecifiedTradeAccountingAccount" when !hasAccount:
                    hasAccount = true;
                    accountingReference = ChildText("ID");
                    break;
                default:
                    break;
            }
        }

        var (category, rate) = tax ?? throw _cursor.Error(depth, MissingMessage("the line VAT information (BG-30)", line), "ApplicableTradeTax");
        return new LineSettlement(category, rate, period, allowancesCharges, Value(accountingReference), statedNet ?? 0m);
    }

    private sealed record LineDocument(string Id, string? Note);

    private sealed record Item(
        string Name,
        string? Description,
        List<ItemAttribute>? Attributes,
        string? SellerItemId,
        string? BuyerItemId,
        Identifier? StandardItemId,
        List<Identifier> ClassificationIds,
        string? OriginCountryCode);

    /// <summary>A base quantity as written: its value when it is a number, or where it is when it is not.</summary>
    private sealed record BaseQuantity(decimal? Value, string? UnitCode, string Text, XmlMark? Malformed);

    private sealed record Price(decimal? Amount, BaseQuantity? Basis, decimal? Discount);

    private sealed record LinePrices(string? PurchaseOrderLineReference, decimal? GrossPrice, decimal? PriceDiscount, decimal NetPrice, decimal? BaseQuantity, string? BaseQuantityUnitCode);

    private sealed record LineSettlement(VatCategory Category, decimal? Rate, InvoicePeriod? Period, List<AllowanceCharge> AllowancesCharges, string? AccountingReference, decimal StatedNet);
}
