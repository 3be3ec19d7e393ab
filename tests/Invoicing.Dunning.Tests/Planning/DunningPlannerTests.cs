using FsCheck;
using FsCheck.Fluent;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.Planning;

public sealed class DunningPlannerTests
{
    private static readonly LocalDate Due = new(2026, 12, 15);
    private readonly DunningPlanner _planner = new();

    [Fact]
    public void Decide_SevenDaysBefore_PlansTheFriendlyStep()
    {
        var decision = _planner.Decide(new DunningCase(Fixtures.Account("F1", Due)), Due.PlusDays(-7));

        Assert.Equal(PlanOutcome.Due, decision.Outcome);
        Assert.Equal("d-7", decision.Reminder!.Step.Id);
        Assert.Equal(1200m, decision.Reminder.AmountDue);
        Assert.Equal(new ReminderKey("F1", "d-7"), decision.Reminder.Key);
    }

    [Fact]
    public void Decide_BeforeTheFirstStep_NothingDue() =>
        Assert.Equal(PlanOutcome.NothingDue, _planner.Decide(new DunningCase(Fixtures.Account("F1", Due)), Due.PlusDays(-8)).Outcome);

    [Fact]
    public void Decide_Paid_StopsEverything()
    {
        var paid = Fixtures.Account("F1", Due).WithPayment(1200m, Due);

        Assert.Equal(PlanOutcome.Settled, _planner.Decide(new DunningCase(paid), Due.PlusDays(3)).Outcome);
    }

    [Fact]
    public void Decide_FullyCredited_StopsEverything()
    {
        var credited = Fixtures.Account("F1", Due) with { Credits = [new AppliedCredit("AV1", Due, 1200m)] };

        Assert.Equal(PlanOutcome.Settled, _planner.Decide(new DunningCase(credited), Due.PlusDays(3)).Outcome);
    }

    [Fact]
    public void Decide_PartialPayment_RemindsTheBalance()
    {
        var partial = Fixtures.Account("F1", Due).WithPayment(200m, Due);

        Assert.Equal(1000m, _planner.Decide(new DunningCase(partial), Due.PlusDays(3)).Reminder!.AmountDue);
    }

    [Fact]
    public void Decide_OptedOutCustomer_Skipped() =>
        Assert.Equal(PlanOutcome.OptedOut, _planner.Decide(new DunningCase(Fixtures.Account("F1", Due), Customer: new DunningCustomerSettings { CustomerKey = "C-001", OptedOut = true }), Due.PlusDays(3)).Outcome);

    [Fact]
    public void Decide_Disputed_Skipped() =>
        Assert.Equal(PlanOutcome.Disputed, _planner.Decide(new DunningCase(Fixtures.Account("F1", Due), InvoiceSettings: new DunningInvoiceSettings { InvoiceNumber = "F1", Disputed = true }), Due.PlusDays(3)).Outcome);

    [Fact]
    public void Decide_PausedUntil_SkippedUntilThatDay()
    {
        var item = new DunningCase(Fixtures.Account("F1", Due), InvoiceSettings: new DunningInvoiceSettings { InvoiceNumber = "F1", PausedUntil = Due.PlusDays(10) });

        Assert.Equal(PlanOutcome.Paused, _planner.Decide(item, Due.PlusDays(9)).Outcome);
        Assert.Equal("d+6", _planner.Decide(item, Due.PlusDays(10)).Reminder!.Step.Id);
    }

    [Fact]
    public void Decide_AfterAnOutage_OnlyTheLatestDueStep()
    {
        var item = new DunningCase(Fixtures.Account("F1", Due), [Fixtures.Entry("F1", "d-7")]);

        var decision = _planner.Decide(item, Due.PlusDays(15));

        Assert.Equal("d+13", decision.Reminder!.Step.Id);
    }

    [Fact]
    public void Decide_StepAlreadyJournaled_NotRepeated()
    {
        var item = new DunningCase(Fixtures.Account("F1", Due), [Fixtures.Entry("F1", "d+3", ReminderState.Claimed)]);

        Assert.Equal(PlanOutcome.AlreadyJournaled, _planner.Decide(item, Due.PlusDays(4)).Outcome);
        Assert.Equal("d+6", _planner.Decide(item, Due.PlusDays(6)).Reminder!.Step.Id);
    }

    [Fact]
    public void Decide_LaterStepJournaled_EarlierNeverSent()
    {
        var item = new DunningCase(Fixtures.Account("F1", Due), [Fixtures.Entry("F1", "d+13", ReminderState.FailedPermanent)]);

        Assert.Equal(PlanOutcome.AlreadyJournaled, _planner.Decide(item, Due.PlusDays(6)).Outcome);
    }

    [Fact]
    public void Decide_WeekendAndHoliday_WaitForTheNextSendingDay()
    {
        var planner = new DunningPlanner(new DunningPlannerOptions { Calendar = SendingCalendar.FrenchBusinessDays });
        var item = new DunningCase(Fixtures.Account("F1", new LocalDate(2026, 12, 22)));

        // d+3 falls on Friday 25 December (Christmas), then the weekend; by Monday 28 December d+6 is the latest due step.
        Assert.Equal(PlanOutcome.NotSendingDay, planner.Decide(item, new LocalDate(2026, 12, 25)).Outcome);
        Assert.Equal(PlanOutcome.NotSendingDay, planner.Decide(item, new LocalDate(2026, 12, 26)).Outcome);
        var monday = planner.Decide(item, new LocalDate(2026, 12, 28)).Reminder!;
        Assert.Equal("d+6", monday.Step.Id);
        Assert.Equal(new LocalDate(2026, 12, 28), monday.ScheduledFor);
    }

    [Fact]
    public void Plan_CustomerTimeZone_DecidesWhatTodayIs()
    {
        // 23:30 UTC on 14 December: already the due date in Paris (00:30), still the 14th in New York.
        var now = Instant.FromUtc(2026, 12, 14, 23, 30);
        var paris = new DunningCase(Fixtures.Account("F1", Due), Customer: new DunningCustomerSettings { CustomerKey = "C-001", TimeZoneId = "Europe/Paris" });
        var newYork = new DunningCase(Fixtures.Account("F2", Due), [Fixtures.Entry("F2", "d-7")], new DunningCustomerSettings { CustomerKey = "C-002", TimeZoneId = "America/New_York" });

        var planned = _planner.Plan([paris, newYork], now).ToArray();

        var single = Assert.Single(planned);
        Assert.Equal("F1", single.Key.InvoiceNumber);
        Assert.Equal("d+0", single.Step.Id);
        Assert.Equal(Due, single.PlannedFor);
    }

    [Fact]
    public void Decide_CustomerPolicy_IsUsed()
    {
        var strict = new DunningPolicy("strict", [new ReminderStep(1, ReminderLevel.FormalNotice, BuiltInTemplates.FormalNotice)]);
        var planner = new DunningPlanner(new DunningPlannerOptions { Policies = new DunningPolicySet(DunningPolicy.Default(), [strict]) });
        var item = new DunningCase(Fixtures.Account("F1", Due), Customer: new DunningCustomerSettings { CustomerKey = "C-001", PolicyId = "strict" });

        Assert.Equal(ReminderLevel.FormalNotice, planner.Decide(item, Due.PlusDays(2)).Reminder!.Step.Level);
    }

    [Fact]
    public void Decide_NullCase_Throws() => Assert.Throws<ArgumentNullException>(() => _planner.Decide(null!, Due));

    [Fact]
    public void Plan_IsLazy_NothingEnumeratedBeforeAsked()
    {
        var enumerated = 0;
        IEnumerable<DunningCase> Source()
        {
            for (var i = 0; i < 1000; i++)
            {
                enumerated++;
                yield return new DunningCase(Fixtures.Account("F" + i, Due));
            }
        }

        var first = _planner.Plan(Source(), Due).First();

        Assert.Equal("F0", first.Key.InvoiceNumber);
        Assert.Equal(1, enumerated);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Plan_AnySequenceOfRunsAndDates_NeverPlansAStepTwice()
    {
        var gen = from runs in Gen.Choose(-20, 120).ListOf()
                  from paidAfter in Gen.Choose(0, 40)
                  select (Runs: runs, PaidAfter: paidAfter);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var account = Fixtures.Account("F1", Due);
            var journal = new List<ReminderEntry>();
            var seen = new HashSet<ReminderKey>();
            var run = 0;
            foreach (var offset in c.Runs)
            {
                var current = run++ == c.PaidAfter ? account.WithPayment(1200m, Due) : account;
                account = current;
                foreach (var reminder in _planner.Plan([new DunningCase(current, journal.ToArray())], Due.PlusDays(offset)))
                {
                    if (!seen.Add(reminder.Key) || !current.IsOpen)
                    {
                        return false;
                    }

                    journal.Add(Fixtures.Entry(reminder.Key.InvoiceNumber, reminder.Key.StepId));
                }
            }

            return true;
        });
    }
}
