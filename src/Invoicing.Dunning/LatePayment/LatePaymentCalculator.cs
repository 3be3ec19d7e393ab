using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// French B2B late-payment costs (Code de commerce L441-10, D441-5): interest at the ECB rate + 10 points (at least
/// three times the legal rate) pro rata temporis (days / 365) on the amount due, each semester at its own rate, and
/// the fixed EUR 40 recovery indemnity, once per invoice. Pure: same inputs, same result.
/// </summary>
/// <remarks>
/// Every late day counts, 29 February included, and each is 1/365 of the annual rate in leap years too: the Banque de
/// France's answer, through service-public.fr (January 2019), on how to compute legal-rate interest. docs/dunning.md
/// gives the sources and the other practice (days / 366 in a leap year).
/// </remarks>
public static class LatePaymentCalculator
{
    /// <summary>The fixed recovery indemnity, in euros.</summary>
    public const decimal RecoveryIndemnityEur = 40m;

    /// <summary>The largest amount accepted (so interest cannot overflow).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The costs of paying <paramref name="amountDue"/> late, counted up to <paramref name="asOf"/> included.</summary>
    /// <param name="amountDue">The amount still due, in <paramref name="currency"/>; 0 to <see cref="MaxAmount"/>.</param>
    /// <param name="currency">The invoice currency. The EUR 40 indemnity applies to euro invoices; other currencies get 0 (the host converts if it wants).</param>
    /// <param name="dueDate">The due date (BT-9): interest runs from the day after.</param>
    /// <param name="asOf">The last day counted.</param>
    /// <param name="rates">The rate table.</param>
    /// <exception cref="InvoiceValidationException">A negative or huge amount (DUN-LATE-AMOUNT), an undefined currency (DUN-LATE-CURRENCY), a day without a known rate (DUN-RATE-MISSING).</exception>
    public static LatePaymentCosts Compute(decimal amountDue, Currency currency, LocalDate dueDate, LocalDate asOf, LatePaymentRateTable rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (!currency.IsDefined)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-LATE-CURRENCY", "currency", "The currency is missing."));
        }

        if (amountDue is < 0m or > MaxAmount)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-LATE-AMOUNT", "amountDue", $"The amount due must be within 0..{MaxAmount.ToString(CultureInfo.InvariantCulture)}; got {amountDue.ToString(CultureInfo.InvariantCulture)}."));
        }

        var daysLate = asOf.ToEpochDay() - dueDate.ToEpochDay();
        if (daysLate <= 0)
        {
            return LatePaymentCosts.None(currency);
        }

        // Walk the semesters from the day after the due date to asOf, each at its own rate; round once at the end.
        var raw = 0m;
        var day = dueDate.PlusDays(1);
        LatePaymentRate rate;
        while (true)
        {
            rate = rates.RateOn(day);
            var semesterEnd = day.Month <= 6 ? new LocalDate(day.Year, 6, 30) : new LocalDate(day.Year, 12, 31);
            var last = semesterEnd < asOf ? semesterEnd : asOf;
            var days = last.ToEpochDay() - day.ToEpochDay() + 1;
            raw += amountDue * rate.AnnualPercent * days / 36500m;
            if (last == asOf)
            {
                break;
            }

            day = last.PlusDays(1);
        }

        var indemnity = currency.Code == "EUR" ? RecoveryIndemnityEur : 0m;
        return new LatePaymentCosts((int)daysLate, currency.Round(raw), indemnity, rate.AnnualPercent, currency);
    }
}
