using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// A dated table of late-payment reference rates, one row per semester. The host keeps it current with
/// <see cref="With"/> each January and July; after the last row, its rate continues to apply.
/// </summary>
public sealed class LatePaymentRateTable
{
    private readonly LatePaymentRate[] _rates;

    /// <summary>Creates a table.</summary>
    /// <exception cref="InvoiceValidationException">No row (DUN-RATE-EMPTY), a row not starting a semester (DUN-RATE-SEMESTER), two rows for one semester (DUN-RATE-DUPLICATE), a negative or absurd rate (DUN-RATE-VALUE).</exception>
    public LatePaymentRateTable(IEnumerable<LatePaymentRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var sorted = rates.ToArray();
        if (sorted.Length == 0)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-RATE-EMPTY", "rates", "The rate table needs at least one semester."));
        }

        foreach (var rate in sorted)
        {
            if (rate is null || rate.From.Day != 1 || (rate.From.Month != 1 && rate.From.Month != 7))
            {
                throw new InvoiceValidationException(ValidationIssue.Error("DUN-RATE-SEMESTER", "rates.from", $"A rate row must start on 1 January or 1 July; got {rate?.From}."));
            }

            if (rate.EcbRatePercent is < -10m or > 100m || rate.LegalRatePercent is < 0m or > 100m)
            {
                throw new InvoiceValidationException(ValidationIssue.Error("DUN-RATE-VALUE", "rates.ecbRatePercent", $"The rates of {rate.From} are out of range (ECB -10..100 %, legal 0..100 %)."));
            }
        }

        Array.Sort(sorted, (a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].From == sorted[i - 1].From)
            {
                throw new InvoiceValidationException(ValidationIssue.Error("DUN-RATE-DUPLICATE", "rates.from", $"Two rows for the semester starting {sorted[i].From}."));
            }
        }

        _rates = sorted;
    }

    /// <summary>
    /// France (Code de commerce, art. L441-10): the ECB main refinancing operations rate in force on 1 January and
    /// 1 July, and the legal interest rate for creditors other than consumers ("tous les autres cas") fixed for each
    /// semester by ministerial order. Hosts add the semesters that follow with <see cref="With"/>.
    /// </summary>
    /// <remarks>
    /// <para>ECB rate on the first day of each semester (ECB monetary policy decisions; the Official Journal of the EU,
    /// C series, "Interest rate applied by the European Central Bank to its main refinancing operations"):
    /// 0.00 % from 16 March 2016 until 27 July 2022; 2.50 % from 21 December 2022; 4.00 % from 21 June 2023; 4.50 % from
    /// 20 September 2023; 4.25 % from 12 June 2024; 3.15 % from 18 December 2024; 2.15 % from 11 June 2025, unchanged
    /// on 1 January 2026.</para>
    /// <para>Legal rate for professional creditors (arrêtés published in the Journal officiel): 2023 S1 2.06 %
    /// (arrêté of 26 December 2022), 2023 S2 4.22 % (27 June 2023), 2024 S1 5.07 % (21 December 2023), 2024 S2 4.92 %,
    /// 2025 S1 3.71 %, 2025 S2 2.76 % (19 June 2025), 2026 S1 2.62 % (15 December 2025). Before 2023 three times the
    /// legal rate (below 1.1 %) never exceeds ECB + 10, so that row carries none.</para>
    /// </remarks>
    public static LatePaymentRateTable France { get; } = new(
    [
        new(new LocalDate(2016, 7, 1), 0.00m),
        new(new LocalDate(2023, 1, 1), 2.50m, 2.06m),
        new(new LocalDate(2023, 7, 1), 4.00m, 4.22m),
        new(new LocalDate(2024, 1, 1), 4.50m, 5.07m),
        new(new LocalDate(2024, 7, 1), 4.25m, 4.92m),
        new(new LocalDate(2025, 1, 1), 3.15m, 3.71m),
        new(new LocalDate(2025, 7, 1), 2.15m, 2.76m),
        new(new LocalDate(2026, 1, 1), 2.15m, 2.62m),
    ]);

    /// <summary>Every row, oldest first.</summary>
    public IReadOnlyList<LatePaymentRate> Rates => _rates;

    /// <summary>A copy of the table with <paramref name="rate"/> added, or replacing the row of its semester.</summary>
    public LatePaymentRateTable With(LatePaymentRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return new LatePaymentRateTable(_rates.Where(r => r.From != rate.From).Append(rate));
    }

    /// <summary>The row in force on <paramref name="date"/>.</summary>
    /// <exception cref="InvoiceValidationException">The date is before the first row (DUN-RATE-MISSING).</exception>
    public LatePaymentRate RateOn(LocalDate date)
    {
        var index = IndexOn(date);
        return index < 0
            ? throw new InvoiceValidationException(ValidationIssue.Error("DUN-RATE-MISSING", "rates", $"No late-payment rate is known for {date}; the table starts {_rates[0].From}."))
            : _rates[index];
    }

    /// <summary>The index of the row in force on a date, -1 before the first.</summary>
    internal int IndexOn(LocalDate date)
    {
        var found = -1;
        for (var i = 0; i < _rates.Length && _rates[i].From <= date; i++)
        {
            found = i;
        }

        return found;
    }
}
