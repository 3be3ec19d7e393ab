using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests;

/// <summary>Schedules and claims the recurring store tests use.</summary>
internal static class RecurringStoreFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>A valid French template (the store draft with the mandatory mentions).</summary>
    public static Invoice Template(string customer = "987654324") => StoreFixtures.Draft(new LocalDate(2026, 1, 1), customer) with
    {
        BusinessProcessType = FrenchBillingMode.S1,
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
        ],
    };

    public static RecurringSchedule Schedule(string id = "sub-1", LocalDate? start = null, CatchUpMode catchUp = CatchUpMode.OnePerPeriod, string customer = "987654324", int day = 1) => new()
    {
        Id = id,
        Recurrence = Recurrence.MonthlyOnDay(day),
        Start = start ?? new LocalDate(2026, 3, 1),
        TimeZone = "Europe/Paris",
        Template = Template(customer),
        CatchUp = catchUp,
    };

    public static BillingPeriod March => new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));

    public static BillingPeriod April => new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30), new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

    public static OccurrenceClaimRequest Claim(string worker, Instant now, LocalDate? expected = null, string scheduleId = "sub-1", params BillingPeriod[] periods)
    {
        periods = periods.Length == 0 ? [March] : periods;
        var draft = Template() with { IssueDate = new LocalDate(2026, 3, 1), DueDate = new LocalDate(2026, 3, 31) };
        return new OccurrenceClaimRequest(scheduleId, periods, expected, RecurringRules.OccurrenceDraftId(scheduleId, periods[0].Start), draft, worker, now, now + Duration.FromMinutes(10), now + Duration.FromDays(30));
    }
}
