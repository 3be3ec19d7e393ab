using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// Makes the draft of an occurrence from a schedule's template: dated the day of issue, due as many days later as the
/// template says, with the periods billed on the document (BG-14) and on each line (BG-26), partial periods prorated.
/// Pure.
/// </summary>
internal static class OccurrenceDrafts
{
    public static Invoice Build(RecurringSchedule schedule, IReadOnlyList<BillingPeriod> periods, LocalDate issueDate)
    {
        var template = schedule.Template;
        var combined = periods.Count > 1;
        var lines = new List<InvoiceLine>(template.Lines.Count * periods.Count);
        foreach (var period in periods)
        {
            var prorate = period.IsPartial && schedule.Proration == ProrationMode.ByDays;
            foreach (var line in template.Lines)
            {
                var built = line with
                {
                    Id = combined ? string.Create(CultureInfo.InvariantCulture, $"{line.Id}-{lines.Count + 1}") : line.Id,
                    Period = new InvoicePeriod { Start = period.Start, End = period.End },
                };
                lines.Add(prorate ? Prorate(built, period, template.Currency) : built);
            }
        }

        return template with
        {
            Number = null,
            IssueDate = issueDate,
            DueDate = template.DueDate is { } due ? issueDate.PlusDays(Period.DaysBetween(template.IssueDate, due)) : null,
            InvoicingPeriod = new InvoicePeriod { Start = periods[0].Start, End = periods[^1].End },
            Lines = lines.ToValueList(),
        };
    }

    /// <summary>
    /// Days billed over days of the full period, kept as two whole numbers: the quantity times the days billed, the base
    /// quantity times the full period's days. The calculator's one rounding of price x quantity / base quantity is then
    /// the exact prorated amount rounded half away from zero; no decimal is cut short on the way.
    /// </summary>
    private static InvoiceLine Prorate(InvoiceLine line, BillingPeriod period, Currency currency)
    {
        var days = period.Days;
        var fullDays = period.FullDays;
        var note = string.Create(CultureInfo.InvariantCulture, $"Prorated: {days} of {fullDays} days ({LocalDatePattern.Iso.Format(period.Start)} to {LocalDatePattern.Iso.Format(period.End)}).");
        return line with
        {
            Quantity = line.Quantity * days,
            BaseQuantity = (line.BaseQuantity ?? 1m) * fullDays,
            Note = line.Note is null ? note : line.Note + " " + note,
            AllowancesCharges = line.AllowancesCharges.Select(item => item with
            {
                Amount = currency.Round(item.Amount * days / fullDays),
                BaseAmount = item.BaseAmount is { } amount ? currency.Round(amount * days / fullDays) : null,
            }).ToValueList(),
        };
    }
}
