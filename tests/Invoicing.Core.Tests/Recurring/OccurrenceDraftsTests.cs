using FsCheck.Xunit;
using NodaTime;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>The occurrence draft: dates, periods on the document and lines, and proration exact to the cent.</summary>
public sealed class OccurrenceDraftsTests
{
    private static readonly LocalDate IssueDate = new(2026, 2, 10);

    [Fact]
    public void Build_FullPeriod_DatedTheDayOfIssueDueAsLateAsTheTemplateSaysWithThePeriods()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 2, 1));
        var period = RecurringCalendar.PeriodAt(schedule, 0)!.Value;

        var draft = OccurrenceDrafts.Build(schedule, [period], IssueDate);

        Assert.Equal(IssueDate, draft.IssueDate);
        Assert.Equal(IssueDate.PlusDays(30), draft.DueDate);
        Assert.Null(draft.Number);
        Assert.Equal(new InvoicePeriod { Start = new LocalDate(2026, 2, 1), End = new LocalDate(2026, 2, 28) }, draft.InvoicingPeriod);
        var line = Assert.Single(draft.Lines);
        Assert.Equal("1", line.Id);
        Assert.Equal(new InvoicePeriod { Start = new LocalDate(2026, 2, 1), End = new LocalDate(2026, 2, 28) }, line.Period);
        Assert.Equal(30m, InvoiceCalculator.Calculate(draft).LineNetTotal);
        Assert.DoesNotContain(InvoiceValidator.Validate(draft).Issues, i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Build_PartialFirstPeriod_ProratedByDaysToTheCent()
    {
        // 16 of 31 January days at 30.00 a month: 30 x 16 / 31 = 15.4838... -> 15.48.
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 16));
        var period = RecurringCalendar.PeriodAt(schedule, 0)!.Value;

        var draft = OccurrenceDrafts.Build(schedule, [period], IssueDate);

        var line = Assert.Single(draft.Lines);
        Assert.Equal((16m, 31m), (line.Quantity, line.BaseQuantity!.Value));
        Assert.Equal(30m, line.NetPrice);
        Assert.Contains("16 of 31 days", line.Note, StringComparison.Ordinal);
        Assert.Equal(15.48m, InvoiceCalculator.Calculate(draft).LineNetTotal);
    }

    [Fact]
    public void Build_ProrationNone_PartialPeriodAtFullPrice()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 16)) with { Proration = ProrationMode.None };

        var draft = OccurrenceDrafts.Build(schedule, [RecurringCalendar.PeriodAt(schedule, 0)!.Value], IssueDate);

        Assert.Equal(30m, InvoiceCalculator.Calculate(draft).LineNetTotal);
    }

    [Fact]
    public void Build_ProratedLineAllowance_ScaledAndRoundedOnce()
    {
        var template = Template() with
        {
            Lines = [Template().Lines[0] with { NetPrice = 100m, AllowancesCharges = [new AllowanceCharge { Amount = 10m, Reason = "Remise fidélité" }] }],
        };
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 21), template: template);

        var draft = OccurrenceDrafts.Build(schedule, [RecurringCalendar.PeriodAt(schedule, 0)!.Value], IssueDate);

        // 11 of 31 days: 100 x 11 / 31 = 35.48; allowance 10 x 11 / 31 = 3.548... -> 3.55.
        Assert.Equal(3.55m, draft.Lines[0].AllowancesCharges[0].Amount);
        Assert.Equal(31.93m, InvoiceCalculator.Calculate(draft).LineNetTotal);
    }

    [Fact]
    public void Build_SeveralPeriods_OneLineSetPerPeriodEachWithItsPeriodAndUniqueIds()
    {
        var template = Template() with { Lines = [Template().Lines[0], Template().Lines[0] with { Id = "2", ItemName = "Support", NetPrice = 5m }] };
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1), template: template);
        var periods = Periods(schedule, 3);

        var draft = OccurrenceDrafts.Build(schedule, periods, IssueDate);

        Assert.Equal(["1-1", "2-2", "1-3", "2-4", "1-5", "2-6"], draft.Lines.Select(l => l.Id));
        Assert.Equal(periods.SelectMany(p => new[] { p.Start, p.Start }), draft.Lines.Select(l => l.Period!.Start!.Value));
        Assert.Equal(new InvoicePeriod { Start = new LocalDate(2026, 1, 1), End = new LocalDate(2026, 3, 31) }, draft.InvoicingPeriod);
        Assert.Equal(105m, InvoiceCalculator.Calculate(draft).LineNetTotal);
    }

    /// <summary>
    /// The prorated net equals price x quantity x days / full days rounded half away from zero, computed here in whole
    /// cents with integers only; and a credit note of the same lines cancels it exactly.
    /// </summary>
    [Property(MaxTest = 500)]
    public void Build_AnyPartialPeriod_ExactToTheCentAndCreditedExactly(uint priceCents, byte quantity, byte startDay, bool quarterly, bool negative)
    {
        var cents = (long)(priceCents % 10_000_000) * (negative ? -1 : 1);
        var qty = 1 + (quantity % 12);
        var template = Template(cents / 100m, qty);
        var recurrence = quarterly ? Recurrence.Quarterly() : Recurrence.MonthlyOnDay(1);
        var start = new LocalDate(2026, quarterly ? 2 : 1, 1).PlusDays(startDay % 28);
        var schedule = Schedule(recurrence, start, template: template);
        var period = RecurringCalendar.PeriodAt(schedule, 0)!.Value;

        var draft = OccurrenceDrafts.Build(schedule, [period], IssueDate);
        var net = InvoiceCalculator.Calculate(draft).LineNetTotal;

        var numerator = Math.Abs(cents) * qty * period.Days;
        var expectedCents = ((2 * numerator) + period.FullDays) / (2L * period.FullDays);
        Assert.Equal(Math.Sign(cents) * expectedCents / 100m, net);
        var credit = draft with { Type = DocumentType.CreditNote, PrecedingInvoices = [new PrecedingInvoiceReference("F1")] };
        Assert.Equal(InvoiceCalculator.Calculate(draft).AmountDue, InvoiceCalculator.Calculate(credit).AmountDue);
    }
}
