using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.Policies;

public sealed class DunningPolicyTests
{
    [Fact]
    public void Default_DueOn15December2026_GivesTheExactCalendar()
    {
        var calendar = DunningPolicy.Default().Schedule(new LocalDate(2026, 12, 15)).Select(s => (s.Date.ToString("yyyy-MM-dd", null), s.Step.OffsetDays, s.Step.Level)).ToArray();

        Assert.Equal(
            new (string, int, ReminderLevel)[]
            {
                ("2026-12-08", -7, ReminderLevel.Friendly),
                ("2026-12-15", 0, ReminderLevel.Friendly),
                ("2026-12-18", 3, ReminderLevel.Firm),
                ("2026-12-21", 6, ReminderLevel.Firm),
                ("2026-12-28", 13, ReminderLevel.Firm),
                ("2027-01-04", 20, ReminderLevel.Firm),
                ("2027-01-11", 27, ReminderLevel.Firm),
                ("2027-01-18", 34, ReminderLevel.FormalNotice),
                ("2027-01-25", 41, ReminderLevel.FormalNotice),
                ("2027-02-01", 48, ReminderLevel.FormalNotice),
                ("2027-02-08", 55, ReminderLevel.FormalNotice),
                ("2027-02-15", 62, ReminderLevel.FormalNotice),
            },
            calendar);
    }

    [Fact]
    public void Default_FormalNoticeOffGrid_InsertsTheStepAndCapsTheTail()
    {
        var policy = DunningPolicy.Default(formalNoticeDay: 30, maxOffsetDays: 27);

        Assert.Equal([-7, 0, 3, 6, 13, 20, 27, 30], policy.Steps.Select(s => s.OffsetDays));
        Assert.Equal(ReminderLevel.FormalNotice, policy.Steps[^1].Level);
        Assert.Equal(BuiltInTemplates.FormalNotice, policy.Steps[^1].TemplateId);
        Assert.Equal(ReminderLevel.Firm, policy.Steps[^2].Level);
    }

    [Fact]
    public void Steps_Ids_AreDerivedFromOffsets()
    {
        var ids = DunningPolicy.Default().Steps.Select(s => s.Id).Take(5);

        Assert.Equal(["d-7", "d+0", "d+3", "d+6", "d+13"], ids);
    }

    [Fact]
    public void Constructor_TwoStepsOnOneOffset_ThrowsDuplicateRule()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => new DunningPolicy("p", [new ReminderStep(3, ReminderLevel.Firm, "firm"), new ReminderStep(3, ReminderLevel.Friendly, "friendly")]));

        Assert.Equal("DUN-POLICY-DUPLICATE", exception.Issues[0].RuleId);
        Assert.Equal("steps[1].offsetDays", exception.Issues[0].Path);
    }

    [Theory]
    [InlineData(-3651, "DUN-STEP-OFFSET")]
    [InlineData(3651, "DUN-STEP-OFFSET")]
    [InlineData(int.MinValue, "DUN-STEP-OFFSET")]
    public void ReminderStep_OffsetOutOfRange_Throws(int offset, string rule)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => new ReminderStep(offset, ReminderLevel.Firm, "firm"));

        Assert.Equal(rule, exception.Issues[0].RuleId);
        Assert.Equal("offsetDays", exception.Issues[0].Path);
    }

    [Fact]
    public void ReminderStep_HostileValues_ThrowNamedRules()
    {
        Assert.Equal("DUN-STEP-TEMPLATE", Assert.Throws<InvoiceValidationException>(() => new ReminderStep(0, ReminderLevel.Firm, " ")).Issues[0].RuleId);
        Assert.Equal("DUN-STEP-FEE", Assert.Throws<InvoiceValidationException>(() => new ReminderStep(0, ReminderLevel.Firm, "firm", -0.01m)).Issues[0].RuleId);
        Assert.Equal("DUN-STEP-LEVEL", Assert.Throws<InvoiceValidationException>(() => new ReminderStep(0, (ReminderLevel)42, "firm")).Issues[0].RuleId);
    }

    [Fact]
    public void RepeatingTail_BadIntervalOrCap_ThrowsNamedRules()
    {
        Assert.Equal("DUN-TAIL-INTERVAL", Assert.Throws<InvoiceValidationException>(() => new RepeatingTail(13, 0, 60, ReminderLevel.Firm, "firm")).Issues[0].RuleId);
        Assert.Equal("DUN-TAIL-MAX", Assert.Throws<InvoiceValidationException>(() => new RepeatingTail(13, 7, 12, ReminderLevel.Firm, "firm")).Issues[0].RuleId);
        Assert.Equal("DUN-TAIL-MAX", Assert.Throws<InvoiceValidationException>(() => DunningPolicy.Default(maxOffsetDays: int.MaxValue)).Issues[0].RuleId);
        Assert.Equal("DUN-POLICY-FORMAL", Assert.Throws<InvoiceValidationException>(() => DunningPolicy.Default(formalNoticeDay: 0)).Issues[0].RuleId);
    }

    [Fact]
    public void Constructor_NoStepOrBlankId_Throws()
    {
        Assert.Equal("DUN-POLICY-EMPTY", Assert.Throws<InvoiceValidationException>(() => new DunningPolicy("p", [])).Issues[0].RuleId);
        Assert.Equal("DUN-POLICY-ID", Assert.Throws<InvoiceValidationException>(() => new DunningPolicy("", [new ReminderStep(0, ReminderLevel.Firm, "firm")])).Issues[0].RuleId);
    }

    [Fact]
    public void PolicySet_ResolvesBySegmentAndFallsBackToDefault()
    {
        var strict = new DunningPolicy("strict", [new ReminderStep(1, ReminderLevel.Firm, "firm")]);
        var set = new DunningPolicySet(DunningPolicy.Default(), [strict]);

        Assert.Same(strict, set.Resolve("strict"));
        Assert.Same(set.DefaultPolicy, set.Resolve("unknown"));
        Assert.Same(set.DefaultPolicy, set.Resolve(null));
        Assert.Equal("DUN-POLICY-DUPLICATE-ID", Assert.Throws<InvoiceValidationException>(() => new DunningPolicySet(strict, [strict])).Issues[0].RuleId);
    }

    [FsCheck.Xunit.Property]
    public bool Schedule_IsOrderedAndOffsetsAreUnique(int formal, int max)
    {
        var formalDay = 1 + Math.Abs(formal % 200);
        var cap = 13 + Math.Abs(max % 300);
        var offsets = DunningPolicy.Default(formalDay, cap).Steps.Select(s => s.OffsetDays).ToArray();
        return offsets.SequenceEqual(offsets.Distinct().Order()) && offsets.Contains(formalDay) && offsets.All(o => o <= Math.Max(cap, formalDay));
    }
}
