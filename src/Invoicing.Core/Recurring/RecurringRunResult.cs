namespace Invoicing.Core;

/// <summary>A period that could not be invoiced, and why: the schedule waits until the cause is fixed; the others go on.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="PeriodStart">The first day of the period that was to be invoiced.</param>
/// <param name="Issues">The rules the occurrence's draft broke, each with its field.</param>
public sealed record RecurringFailure(string ScheduleId, NodaTime.LocalDate PeriodStart, IReadOnlyList<ValidationIssue> Issues)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"Schedule '{ScheduleId}', period from {NodaTime.Text.LocalDatePattern.Iso.Format(PeriodStart)}: {string.Join("; ", Issues.Select(i => $"{i.RuleId} at {i.Path}: {i.Message}"))}";
}

/// <summary>What one run of the recurring runner did.</summary>
public sealed record RecurringRunResult
{
    /// <summary>Invoices issued by this run.</summary>
    public int Issued { get; init; }

    /// <summary>Periods claimed by this run (more than <see cref="Issued"/> with combined catch-up).</summary>
    public int PeriodsClaimed { get; init; }

    /// <summary>Occurrences left unfinished by a stopped worker and issued by this one.</summary>
    public int Resumed { get; init; }

    /// <summary>Occurrences left unconfirmed by a stopped worker whose draft had been issued: recorded, not issued again.</summary>
    public int FoundIssued { get; init; }

    /// <summary>Schedules another worker claimed first.</summary>
    public int ClaimedElsewhere { get; init; }

    /// <summary>The numbers of the invoices issued, in order of issue.</summary>
    public IReadOnlyList<string> InvoiceNumbers { get; init; } = [];

    /// <summary>Periods not invoiced because their draft broke a rule.</summary>
    public IReadOnlyList<RecurringFailure> Failures { get; init; } = [];
}
