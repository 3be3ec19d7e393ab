namespace Invoicing.Core;

// Invoices priced with VAT included (B2C): the net figures EN 16931 asks for are derived from the VAT-inclusive
// amounts so that the grand total (BT-112) is exactly their sum (docs/invoice-json.md, "Prices with VAT included").
//
// Every amount of such an invoice includes VAT: the line's price amount round(VAT-inclusive price x quantity / base
// quantity), its line allowances and charges, and the document-level allowances and charges. Each of these amounts,
// rounded to the minor unit u, is a component of the (category, rate) group it belongs to (the line's category and
// rate, or the allowance's own). Per group, with d = 1 + rate / 100 (d = 1 for the zero-VAT categories Z, E and G,
// whose gross amount is their net amount):
//
// 1. G = sum of the group's signed components (charges added, allowances subtracted): exact.
// 2. Taxable base BT-116: B = round(G / d), half away from zero.
// 3. VAT BT-117: T = G - B, so that B + T = G and the grand total is the sum of the VAT-inclusive amounts to the
//    cent. With B = G / d + e and |e| <= u / 2, T - B x rate / 100 = -e x d: T is within u / 2 x (1 + rate / 100) of
//    the exact VAT of B, so never more than one minor unit from round(B x rate / 100) when the rate is at most 100.
//    The official schematron's BR-CO-17 allows one whole currency unit.
// 4. The base is shared out over the components by largest remainder: each component's exact net c / d is rounded
//    down to u, and the k = (B - sum of those) / u components with the largest remainders (the earlier one on a tie:
//    lines in order, each line's price amount before its allowances and charges, then the document-level ones) get
//    one minor unit more. 0 <= k <= the number of components, so no component moves by a full unit from its exact
//    net, and the nets sum to B exactly (BR-CO-10, BR-CO-13, BR-S-08 and its siblings).
// 5. Line net BT-131 = price component's net + its charges' nets - its allowances' nets. The net price BT-146 is
//    that price component's net x base quantity / quantity, with as few decimals (at least the currency's) as make
//    round(net price x quantity / base quantity) give the price component's net back exactly, so that the e-invoice
//    recomputed line by line (EN 16931, Peppol R120) finds the same line nets.
//
// The e-invoice therefore carries a net-priced invoice (ToNetPrices) with the totals computed here. Its VAT
// recomputed on the net figures alone, round(B x rate / 100), may differ from T by one minor unit: that is the cost
// of a grand total equal to the prices shown to the consumer, and it is within BR-CO-17.
public static partial class InvoiceCalculator
{
    /// <summary>
    /// The invoice as an e-invoice carries it: on an invoice priced with VAT included, every line gets its derived net
    /// price (BT-146) and no VAT-inclusive price, and every line and document-level allowance and charge gets its
    /// derived amount without VAT (their base amount and percentage, which described the VAT-inclusive amount, are
    /// left out). Any other invoice comes back as it is.
    /// </summary>
    /// <remarks>
    /// Take the totals from <see cref="Calculate"/> on the original invoice: recomputed alone, the net invoice may find
    /// a VAT amount one minor unit away in a group, which BR-CO-17 allows (docs/invoice-json.md, "Prices with VAT included").
    /// </remarks>
    /// <exception cref="InvoiceValidationException">The invoice cannot be computed (as for <see cref="Calculate"/>).</exception>
    public static Invoice ToNetPrices(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!invoice.PricesIncludeVat)
        {
            return invoice;
        }

        var figures = VatInclusive(invoice, CurrencyOf(invoice));
        var lines = new InvoiceLine[invoice.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = invoice.Lines[i];
            lines[i] = line with
            {
                NetPrice = figures.NetPrices[i],
                VatInclusivePrice = null,
                AllowancesCharges = WithoutVat(line.AllowancesCharges, figures.Components, figures.LineStarts[i] + 1),
            };
        }

        return invoice with
        {
            Lines = ValueList<InvoiceLine>.Wrap(lines),
            AllowancesCharges = WithoutVat(invoice.AllowancesCharges, figures.Components, figures.LineStarts[lines.Length]),
        };
    }

    /// <summary>
    /// The amount with VAT included of a line priced with VAT included, as the buyer sees it: round(VAT-inclusive price x
    /// quantity / base quantity) + its charges - its allowances, each rounded to the minor unit. Its net amount (BT-131)
    /// depends on the other lines of its VAT group: see <see cref="Calculate"/>.
    /// </summary>
    /// <exception cref="InvoiceValidationException">
    /// The line has no VAT-inclusive price, its base quantity is not positive, or the amounts overflow.
    /// </exception>
    public static decimal LineVatInclusiveAmount(InvoiceLine line, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(line);
        var where = new Position { Area = Area.Line };
        if (line.VatInclusivePrice is not { } price)
        {
            throw Invalid("INV-VATINCL-LINE", "vatInclusivePrice", "This line is priced without VAT: its amount is its net amount (BT-131).");
        }

        try
        {
            var amount = currency.Round(price * line.Quantity / BaseQuantityOf(line, ref where));
            foreach (var item in line.AllowancesCharges)
            {
                amount += SignedLineAmount(item, currency, ref where);
            }

            return amount;
        }
        catch (OverflowException overflow)
        {
            throw Overflow(where, overflow);
        }
    }

    private static ValueList<AllowanceCharge> WithoutVat(ValueList<AllowanceCharge> items, Component[] components, int first)
    {
        if (items.Count == 0)
        {
            return items;
        }

        var converted = new AllowanceCharge[items.Count];
        for (var j = 0; j < converted.Length; j++)
        {
            var net = components[first + j].Net;
            converted[j] = items[j] with { Amount = items[j].IsCharge ? net : -net, BaseAmount = null, Percentage = null };
        }

        return ValueList<AllowanceCharge>.Wrap(converted);
    }

    private static InvoiceTotals VatInclusiveTotals(Invoice invoice, VatInclusiveFigures figures)
    {
        try
        {
            var lineNetTotal = 0m;
            foreach (var net in figures.LineNets)
            {
                lineNetTotal += net;
            }

            decimal? allowanceTotal = null;
            decimal? chargeTotal = null;
            var first = figures.LineStarts[invoice.Lines.Count];
            for (var i = 0; i < invoice.AllowancesCharges.Count; i++)
            {
                var net = figures.Components[first + i].Net;
                if (invoice.AllowancesCharges[i].IsCharge)
                {
                    chargeTotal = (chargeTotal ?? 0m) + net;
                }
                else
                {
                    allowanceTotal = (allowanceTotal ?? 0m) - net;
                }
            }

            return Totals(invoice, lineNetTotal, allowanceTotal, chargeTotal, figures.VatTotal, figures.Breakdown, figures.LineNets);
        }
        catch (OverflowException overflow)
        {
            throw Overflow(new Position { Area = Area.Totals }, overflow);
        }
    }

    /// <summary>Computes the groups, their bases and VAT, and each component's net (the method at the top of this file).</summary>
    private static VatInclusiveFigures VatInclusive(Invoice invoice, Currency currency)
    {
        var where = new Position();
        try
        {
            var lines = invoice.Lines;
            var documentLevel = invoice.AllowancesCharges;
            var components = new List<Component>(lines.Count + documentLevel.Count);
            var lineStarts = new int[lines.Count + 1];
            var groups = new List<GroupKey>();
            where.Area = Area.Line;
            for (var i = 0; i < lines.Count; i++)
            {
                where.Index = i;
                var line = lines[i] ?? throw Invalid("BR-16", where.Path(), "An invoice line is missing.");
                var price = VatInclusivePriceOf(line, ref where);
                var group = GroupOf(groups, line.VatCategory, line.VatRate, ".vatCategory", ref where);
                lineStarts[i] = components.Count;
                components.Add(new Component(group, currency.Round(price * line.Quantity / BaseQuantityOf(line, ref where))));
                foreach (var item in line.AllowancesCharges)
                {
                    components.Add(new Component(group, SignedLineAmount(item, currency, ref where)));
                }
            }

            lineStarts[lines.Count] = components.Count;
            where.Area = Area.DocumentAllowanceCharge;
            for (var i = 0; i < documentLevel.Count; i++)
            {
                where.Index = i;
                var item = documentLevel[i] ?? throw Invalid("BR-31", where.Path(), "A document-level allowance or charge is missing.");
                var category = item.VatCategory ?? throw Invalid(
                    item.IsCharge ? "BR-37" : "BR-32",
                    where.Path() + ".vatCategory",
                    $"Each document level {(item.IsCharge ? "charge" : "allowance")} shall have a VAT category code ({(item.IsCharge ? "BT-102" : "BT-95")}).");
                var group = GroupOf(groups, category, item.VatRate, ".vatCategory", ref where);
                var amount = currency.Round(item.Amount);
                components.Add(new Component(group, item.IsCharge ? amount : -amount));
            }

            where.Area = Area.Totals;
            var shared = components.ToArray();
            var breakdown = new VatBreakdown[groups.Count];
            var vatTotal = 0m;
            for (var g = 0; g < groups.Count; g++)
            {
                var key = groups[g];
                var (taxable, tax) = ShareOut(shared, g, key.Divisor, currency);
                vatTotal += tax;
                var exemption = FindExemption(invoice.VatExemptions, key.Category);
                breakdown[g] = new VatBreakdown(key.Category, key.Rate, taxable, tax, exemption?.ReasonCode, exemption?.Reason);
            }

            Array.Sort(breakdown, CompareRows);
            var lineNets = new decimal[lines.Count];
            var netPrices = new decimal[lines.Count];
            where.Area = Area.Line;
            for (var i = 0; i < lines.Count; i++)
            {
                where.Index = i;
                var line = lines[i];
                for (var c = lineStarts[i]; c < lineStarts[i + 1]; c++)
                {
                    lineNets[i] += shared[c].Net;
                }

                netPrices[i] = NetPriceOf(line, shared[lineStarts[i]].Net, groups[shared[lineStarts[i]].Group].Divisor, currency, ref where);
            }

            return new VatInclusiveFigures(shared, lineStarts, lineNets, netPrices, ValueList<VatBreakdown>.Wrap(breakdown), vatTotal);
        }
        catch (OverflowException overflow)
        {
            throw Overflow(where, overflow);
        }
    }

    /// <summary>A line's VAT-inclusive price, refusing what this pricing cannot express.</summary>
    private static decimal VatInclusivePriceOf(InvoiceLine line, ref Position where)
    {
        if (line.VatInclusivePrice is not { } price)
        {
            throw Invalid("INV-VATINCL-MIXED", where.Path() + ".vatInclusivePrice", "This line states its price without VAT while other lines include VAT: an invoice is priced one way, so give every line a price with VAT included (vatInclusivePrice) or none.");
        }

        if (line.NetPrice != 0m)
        {
            throw Invalid("INV-VATINCL-NET-PRICE", where.Path() + ".netPrice", "A line priced with VAT included states no net price (BT-146): it is derived from the price with VAT included, so leave netPrice at 0.");
        }

        if (line.GrossPrice is not null || line.PriceDiscount is not null)
        {
            throw Invalid("INV-VATINCL-PRICE-DISCOUNT", where.Path() + (line.GrossPrice is not null ? ".grossPrice" : ".priceDiscount"), "A line priced with VAT included cannot state a gross price before discount (BT-148) or a price discount (BT-147), which are net prices: state the discounted price with VAT included, or a line allowance.");
        }

        return price;
    }

    /// <summary>The index of the (category, rate) group, added when new; refuses categories where the buyer sees no VAT.</summary>
    private static int GroupOf(List<GroupKey> groups, VatCategory category, decimal? stated, string field, ref Position where)
    {
        var rate = RateOf(category, stated, ref where);
        if (category is VatCategory.AE or VatCategory.K or VatCategory.O or VatCategory.B)
        {
            throw Invalid("INV-VATINCL-CATEGORY", where.Path() + field, $"VAT category {category.Code()} cannot be priced with VAT included: the seller charges the buyer no VAT under it (reverse charge AE, intra-community supply K, outside the scope of VAT O, split payment B). State net prices for such an invoice.");
        }

        if (rate is < 0m or > 100m)
        {
            throw Invalid("INV-VAT-RATE", where.Path() + ".vatRate", "A VAT rate is a percentage between 0 and 100.");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Category == category && groups[g].Rate == rate)
            {
                return g;
            }
        }

        groups.Add(new GroupKey(category, rate, category.IsZeroVat() || rate is null ? 1m : 1m + (rate.Value / 100m)));
        return groups.Count - 1;
    }

    /// <summary>Computes B and T of group <paramref name="group"/> and shares B out over its components by largest remainder.</summary>
    private static (decimal Taxable, decimal Tax) ShareOut(Component[] components, int group, decimal divisor, Currency currency)
    {
        var gross = 0m;
        var members = new List<int>();
        for (var c = 0; c < components.Length; c++)
        {
            if (components[c].Group == group)
            {
                gross += components[c].Gross;
                members.Add(c);
            }
        }

        var taxable = currency.Round(gross / divisor);
        var unit = currency.MinorUnit;
        var scale = 1m / unit;
        var floored = 0m;
        var remainders = new decimal[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            ref var component = ref components[members[m]];
            var exact = component.Gross / divisor;
            component.Net = Math.Floor(exact * scale) / scale;
            remainders[m] = exact - component.Net;
            floored += component.Net;
        }

        var extra = (taxable - floored) * scale;
        if (extra < 0m || extra > members.Count)
        {
            throw new InvalidOperationException("The taxable amount of a VAT group could not be shared out over its amounts.");
        }

        // Largest remainder first; on a tie the earlier component, so the result never depends on a sort's whims.
        var order = new int[members.Count];
        for (var m = 0; m < order.Length; m++)
        {
            order[m] = m;
        }

        Array.Sort(order, (left, right) =>
        {
            var byRemainder = remainders[right].CompareTo(remainders[left]);
            return byRemainder != 0 ? byRemainder : left.CompareTo(right);
        });
        for (var m = 0; m < extra; m++)
        {
            components[members[order[m]]].Net += unit;
        }

        return (taxable, gross - taxable);
    }

    /// <summary>
    /// The net price (BT-146) that gives the price component's net back: net x base quantity / quantity, with the
    /// fewest decimals (at least the currency's) for which round(price x quantity / base quantity) equals that net.
    /// </summary>
    /// <exception cref="InvoiceValidationException">No price of at most 28 decimals does (an absurdly large quantity).</exception>
    private static decimal NetPriceOf(InvoiceLine line, decimal net, decimal divisor, Currency currency, ref Position where)
    {
        var baseQuantity = line.BaseQuantity ?? 1m;
        if (line.Quantity == 0m)
        {
            // Any price gives a zero line; the VAT-inclusive price without VAT is the one a reader expects.
            return currency.Round(line.VatInclusivePrice!.Value / divisor);
        }

        var exact = net * baseQuantity / line.Quantity;
        for (var decimals = currency.MinorUnits; decimals <= 28; decimals++)
        {
            var price = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
            if (currency.Round(price * line.Quantity / baseQuantity) == net)
            {
                return price;
            }
        }

        throw Invalid("INV-OVERFLOW", where.Path() + ".quantity", "The quantity is too large for any net price (BT-146) of at most 28 decimals to give the line's net amount back exactly.");
    }

    /// <summary>One VAT-inclusive amount of a group (a line's price amount, a line or document allowance or charge), signed, and its derived net.</summary>
    private struct Component(int group, decimal gross)
    {
        public readonly int Group = group;
        public readonly decimal Gross = gross;
        public decimal Net;
    }

    private readonly record struct GroupKey(VatCategory Category, decimal? Rate, decimal Divisor);

    /// <param name="Components">Every component, in order: each line's price amount then its allowances and charges, then the document-level ones.</param>
    /// <param name="LineStarts">Index of each line's first component; the last entry is where the document-level ones start.</param>
    /// <param name="LineNets">Each line's net amount (BT-131).</param>
    /// <param name="NetPrices">Each line's derived net price (BT-146).</param>
    /// <param name="Breakdown">The VAT breakdown (BG-23), ordered by category then rate.</param>
    /// <param name="VatTotal">The sum of the groups' VAT (BT-110).</param>
    private sealed record VatInclusiveFigures(
        Component[] Components,
        int[] LineStarts,
        decimal[] LineNets,
        decimal[] NetPrices,
        ValueList<VatBreakdown> Breakdown,
        decimal VatTotal);
}
