using NodaTime;

namespace Invoicing.Core.Tests.Recurring;

internal static class RecurringFixtures
{
    /// <summary>A valid French template (the lifecycle draft): one subscription line at <paramref name="price"/>, due 30 days after issue.</summary>
    public static Invoice Template(decimal price = 30m, decimal quantity = 1m) => Lifecycle.LifecycleFixtures.Draft() with
    {
        IssueDate = new LocalDate(2026, 1, 1),
        DueDate = new LocalDate(2026, 1, 31),
        BusinessProcessType = FrenchBillingMode.S1,
        AllowancesCharges = [],
        Lines = [new InvoiceLine { Id = "1", ItemName = "Abonnement", Quantity = quantity, NetPrice = price, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    public static RecurringSchedule Schedule(
        Recurrence recurrence,
        LocalDate start,
        LocalDate? end = null,
        int? count = null,
        string id = "sub-1",
        string zone = "Europe/Paris",
        BillingTiming timing = BillingTiming.InAdvance,
        CatchUpMode catchUp = CatchUpMode.OnePerPeriod,
        Invoice? template = null) => new()
    {
        Id = id,
        Recurrence = recurrence,
        Start = start,
        End = end,
        Count = count,
        TimeZone = zone,
        Template = template ?? Template(),
        Timing = timing,
        CatchUp = catchUp,
    };

    /// <summary>Every period of a schedule up to <paramref name="max"/>, walking the index.</summary>
    public static List<BillingPeriod> Periods(RecurringSchedule schedule, int max = 400)
    {
        var periods = new List<BillingPeriod>();
        for (var i = 0; i < max && RecurringCalendar.PeriodAt(schedule, i) is { } period; i++)
        {
            periods.Add(period);
        }

        return periods;
    }
}
