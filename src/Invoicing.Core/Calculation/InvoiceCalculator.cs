using System.Globalization;

namespace Invoicing.Core;

/// <summary>
/// Computes the EN 16931 totals of an invoice from its lines, allowances and charges. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Line net (BT-131) = round(price / base quantity x quantity) + line charges - line allowances.
/// VAT is computed once per (category, rate) group on the group's taxable base (BR-CO-17), never as a sum
/// of per-line VAT. Every rounding goes through <see cref="Currency.Round"/>: half away from zero, to the
/// currency's minor unit. An invoice priced with VAT included (<see cref="Invoice.PricesIncludeVat"/>) is computed
/// the other way round, from each group's VAT-inclusive total: see <c>InvoiceCalculator.VatInclusive.cs</c>.
/// </remarks>
public static partial class InvoiceCalculator
{
    private const int StackGroups = 8;

    /// <summary>Computes BT-106 to BT-115, the VAT breakdown and each line's net amount.</summary>
    /// <exception cref="InvoiceValidationException">
    /// The invoice cannot be computed: no currency, a base quantity that is not positive, a VAT rate missing
    /// where the category needs one, a document-level allowance without VAT category, or amounts so large
    /// that they overflow; on an invoice priced with VAT included, also a line priced without VAT among them, a
    /// VAT category that charges no VAT to the buyer (AE, K, O, B) or a VAT rate outside 0..100.
    /// </exception>
    public static InvoiceTotals Calculate(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var currency = CurrencyOf(invoice);
        if (invoice.PricesIncludeVat)
        {
            return VatInclusiveTotals(invoice, VatInclusive(invoice, currency));
        }

        // Paths are built only when something fails: the hot path allocates nothing but the result.
        var where = new Position();
        try
        {
            var lines = invoice.Lines.AsSpan();
            var lineNets = new decimal[lines.Length];
            var groups = new VatGroups(stackalloc VatGroup[StackGroups]);
            var lineNetTotal = 0m;
            where.Area = Area.Line;
            for (var i = 0; i < lines.Length; i++)
            {
                where.Index = i;
                var line = lines[i] ?? throw Invalid("BR-16", where.Path(), "An invoice line is missing.");
                var net = LineNet(line, currency, ref where);
                lineNets[i] = net;
                lineNetTotal += net;
                groups.Add(line.VatCategory, RateOf(line.VatCategory, line.VatRate, ref where), net);
            }

            decimal? allowanceTotal = null;
            decimal? chargeTotal = null;
            var documentAllowances = invoice.AllowancesCharges.AsSpan();
            where.Area = Area.DocumentAllowanceCharge;
            for (var i = 0; i < documentAllowances.Length; i++)
            {
                where.Index = i;
                var item = documentAllowances[i] ?? throw Invalid("BR-31", where.Path(), "A document-level allowance or charge is missing.");
                var amount = currency.Round(item.Amount);
                var category = item.VatCategory ?? throw Invalid(
                    item.IsCharge ? "BR-37" : "BR-32",
                    where.Path() + ".vatCategory",
                    $"Each document level {(item.IsCharge ? "charge" : "allowance")} shall have a VAT category code ({(item.IsCharge ? "BT-102" : "BT-95")}).");
                var rate = RateOf(category, item.VatRate, ref where);
                if (item.IsCharge)
                {
                    chargeTotal = (chargeTotal ?? 0m) + amount;
                    groups.Add(category, rate, amount);
                }
                else
                {
                    allowanceTotal = (allowanceTotal ?? 0m) + amount;
                    groups.Add(category, rate, -amount);
                }
            }

            where.Area = Area.Totals;
            var breakdown = groups.ToBreakdown(currency, invoice.VatExemptions, out var vatTotal);
            return Totals(invoice, lineNetTotal, allowanceTotal, chargeTotal, vatTotal, breakdown, lineNets);
        }
        catch (OverflowException overflow)
        {
            throw Overflow(where, overflow);
        }
    }

    /// <summary>The net amount of one line (BT-131), rounded to the currency's minor unit.</summary>
    /// <exception cref="InvoiceValidationException">
    /// The base quantity is zero or negative, or the line is priced with VAT included: its net amount depends on the
    /// other lines of its VAT group, so only <see cref="Calculate"/> gives it.
    /// </exception>
    public static decimal LineNet(InvoiceLine line, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(line);
        var where = new Position { Area = Area.Line };
        if (line.VatInclusivePrice is not null)
        {
            throw Invalid("INV-VATINCL-LINE-NET", "vatInclusivePrice", "The net amount of a line priced with VAT included is shared out within its VAT group: compute the whole invoice.");
        }

        return LineNet(line, currency, ref where);
    }

    private static decimal LineNet(InvoiceLine line, Currency currency, ref Position where)
    {
        var net = currency.Round(line.NetPrice * line.Quantity / BaseQuantityOf(line, ref where));
        foreach (var item in line.AllowancesCharges)
        {
            net += SignedLineAmount(item, currency, ref where);
        }

        return net;
    }

    /// <summary>A line allowance (negative) or charge (positive), rounded to the minor unit.</summary>
    private static decimal SignedLineAmount(AllowanceCharge? item, Currency currency, ref Position where)
    {
        if (item is null)
        {
            throw Invalid("BR-41", where.Path() + ".allowancesCharges", "A line allowance or charge is missing.");
        }

        var amount = currency.Round(item.Amount);
        return item.IsCharge ? amount : -amount;
    }

    /// <summary>
    /// The rate a group is keyed by: zero-VAT categories default to 0 (O to no rate at all), while
    /// categories that carry VAT must state theirs.
    /// </summary>
    private static decimal? RateOf(VatCategory category, decimal? rate, ref Position where)
    {
        if ((uint)category > (uint)VatCategory.B)
        {
            throw Invalid("BR-CO-04", where.Path() + ".vatCategory", "The VAT category code (BT-151, BT-95, BT-102) is not one EN 16931 allows.");
        }

        if (category == VatCategory.O)
        {
            return null;
        }

        if (rate is { } value)
        {
            return value;
        }

        return category.IsZeroVat()
            ? 0m
            : throw Invalid($"BR-{category.Code()}-05", where.Path() + ".vatRate", $"A VAT rate is required for VAT category {category.Code()}.");
    }

    private static decimal BaseQuantityOf(InvoiceLine line, ref Position where)
    {
        var baseQuantity = line.BaseQuantity ?? 1m;
        return baseQuantity > 0m
            ? baseQuantity
            : throw Invalid("INV-BASE-QUANTITY", where.Path() + ".baseQuantity", "The item price base quantity (BT-149) must be greater than zero.");
    }

    private static Currency CurrencyOf(Invoice invoice) =>
        invoice.Currency.IsDefined ? invoice.Currency : throw Invalid("BR-05", "currency", "The invoice currency code (BT-5) is missing.");

    /// <summary>BT-106..BT-115 from the line nets, the document-level sums and the VAT breakdown, in both pricing modes.</summary>
    private static InvoiceTotals Totals(Invoice invoice, decimal lineNetTotal, decimal? allowanceTotal, decimal? chargeTotal, decimal vatTotal, ValueList<VatBreakdown> breakdown, decimal[] lineNets)
    {
        var currency = invoice.Currency;
        var taxExclusive = lineNetTotal - (allowanceTotal ?? 0m) + (chargeTotal ?? 0m);
        var taxInclusive = taxExclusive + vatTotal;
        var prepaid = invoice.PrepaidAmount is { } p ? currency.Round(p) : (decimal?)null;
        var rounding = invoice.RoundingAmount is { } r ? currency.Round(r) : (decimal?)null;
        var amountDue = taxInclusive - (prepaid ?? 0m) + (rounding ?? 0m);

        return new InvoiceTotals
        {
            LineNetTotal = lineNetTotal,
            AllowanceTotal = allowanceTotal,
            ChargeTotal = chargeTotal,
            TaxExclusiveAmount = taxExclusive,
            VatTotal = vatTotal,
            TaxInclusiveAmount = taxInclusive,
            PrepaidAmount = prepaid,
            RoundingAmount = rounding,
            AmountDue = amountDue,
            VatBreakdown = breakdown,
            LineNetAmounts = ValueList<decimal>.Wrap(lineNets),
        };
    }

    private static VatExemption? FindExemption(ValueList<VatExemption> exemptions, VatCategory category)
    {
        foreach (var exemption in exemptions)
        {
            if (exemption is not null && exemption.Category == category)
            {
                return exemption;
            }
        }

        return null;
    }

    private static int CompareRows(VatBreakdown left, VatBreakdown right)
    {
        var byCategory = left.Category.CompareTo(right.Category);
        return byCategory != 0 ? byCategory : Nullable.Compare(left.Rate, right.Rate);
    }

    private static InvoiceValidationException Overflow(Position where, OverflowException overflow) =>
        new(ValidationIssue.Error("INV-OVERFLOW", where.Path(), "The amounts are too large to be computed exactly (decimal overflow)."), overflow);

    private static InvoiceValidationException Invalid(string rule, string path, string message) =>
        new(ValidationIssue.Error(rule, path, message));

    private enum Area
    {
        Line,
        DocumentAllowanceCharge,
        Totals,
    }

    /// <summary>Where the calculation is, to name the field in an error without building strings on the way.</summary>
    private struct Position
    {
        public Area Area;
        public int Index;

        public readonly string Path() => Area switch
        {
            Area.Line => string.Create(CultureInfo.InvariantCulture, $"lines[{Index}]"),
            Area.DocumentAllowanceCharge => string.Create(CultureInfo.InvariantCulture, $"allowancesCharges[{Index}]"),
            _ => "totals",
        };
    }

    private struct VatGroup
    {
        public VatCategory Category;
        public decimal? Rate;
        public decimal Taxable;
    }

    /// <summary>Accumulates taxable amounts per (category, rate) on the stack; spills to the heap past a few groups.</summary>
    private ref struct VatGroups(Span<VatGroup> buffer)
    {
        private Span<VatGroup> _groups = buffer;
        private int _count;

        public void Add(VatCategory category, decimal? rate, decimal amount)
        {
            for (var i = 0; i < _count; i++)
            {
                ref var group = ref _groups[i];
                if (group.Category == category && group.Rate == rate)
                {
                    group.Taxable += amount;
                    return;
                }
            }

            if (_count == _groups.Length)
            {
                var larger = new VatGroup[_groups.Length * 2];
                _groups.CopyTo(larger);
                _groups = larger;
            }

            _groups[_count++] = new VatGroup { Category = category, Rate = rate, Taxable = amount };
        }

        public readonly ValueList<VatBreakdown> ToBreakdown(Currency currency, ValueList<VatExemption> exemptions, out decimal vatTotal)
        {
            var rows = new VatBreakdown[_count];
            vatTotal = 0m;
            for (var i = 0; i < _count; i++)
            {
                var group = _groups[i];
                var tax = group.Category.IsZeroVat() || group.Rate is null
                    ? 0m
                    : currency.Round(group.Taxable * group.Rate.Value / 100m);
                vatTotal += tax;
                var exemption = FindExemption(exemptions, group.Category);
                rows[i] = new VatBreakdown(group.Category, group.Rate, group.Taxable, tax, exemption?.ReasonCode, exemption?.Reason);
            }

            Array.Sort(rows, CompareRows);
            return ValueList<VatBreakdown>.Wrap(rows);
        }
    }
}
