using Invoicing.Core;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>The schedules the recurring benchmarks plan and run: a mix of rhythms and time zones, one valid French template.</summary>
internal static class RecurringSchedules
{
    private static readonly string[] Zones = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/Berlin"];

    /// <summary>The template: the benchmark invoice with 3 lines, the French mentions and a billing mode, so it validates.</summary>
    public static Invoice Template { get; } = InvoiceFactory.Create(3) with
    {
        BusinessProcessType = FrenchBillingMode.S1,
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
        ],
    };

    /// <summary>
    /// <paramref name="count"/> schedules started on 1 January 2026: monthly on day 1 to 28, every 1 to 4 weeks,
    /// quarterly, yearly; one in <paramref name="dueOneIn"/> starts on <paramref name="today"/> (due), the others after it.
    /// </summary>
    public static RecurringSchedule[] Create(int count, int dueOneIn, LocalDate today) =>
        [.. Enumerable.Range(0, count).Select(i => new RecurringSchedule
        {
            Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sub-{i:000000}"),
            Recurrence = (i % 4) switch
            {
                0 => Recurrence.MonthlyOnDay(1 + (i % 28)),
                1 => Recurrence.EveryWeeks(1 + (i % 4)),
                2 => Recurrence.Quarterly(1 + (i % 28)),
                _ => Recurrence.Yearly(1 + (i % 12), 1 + (i % 28)),
            },
            Start = i % dueOneIn == 0 ? today : today.PlusDays(1 + (i % 300)),
            TimeZone = Zones[i % Zones.Length],
            Template = Template,
            CatchUp = i % 2 == 0 ? CatchUpMode.OnePerPeriod : CatchUpMode.Combined,
        })];
}
