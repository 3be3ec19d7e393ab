using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// Pure planning: open invoices + journal + today -> the reminders due now. Rules, in order: settled invoices
/// (paid, fully credited, credit notes) stop everything; opted-out customers, disputed and paused invoices are
/// skipped; nothing goes out on a day the calendar excludes in the customer's time zone; only the latest step due
/// is planned (after an outage, the missed earlier steps are not sent), and only if neither it nor a later step of
/// the policy is in the journal, so a step never repeats. Input is streamed: memory does not grow with the count.
/// </summary>
public sealed class DunningPlanner
{
    private readonly DunningPlannerOptions _options;

    /// <summary>Creates a planner.</summary>
    public DunningPlanner(DunningPlannerOptions? options = null)
    {
        _options = options ?? new DunningPlannerOptions();
        ArgumentNullException.ThrowIfNull(_options.Policies, "options.Policies");
        ArgumentNullException.ThrowIfNull(_options.Calendar, "options.Calendar");
        ArgumentNullException.ThrowIfNull(_options.DefaultTimeZone, "options.DefaultTimeZone");
    }

    /// <summary>The options in use.</summary>
    public DunningPlannerOptions Options => _options;

    /// <summary>The reminders due at <paramref name="now"/>, "today" being read in each customer's time zone. Lazy.</summary>
    public IEnumerable<PlannedReminder> Plan(IEnumerable<DunningCase> cases, Instant now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return PlanIterator(cases, now);
    }

    /// <summary>The reminders due on <paramref name="today"/>, the same day for every customer. Lazy.</summary>
    public IEnumerable<PlannedReminder> Plan(IEnumerable<DunningCase> cases, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return PlanIterator(cases, today);
    }

    /// <summary>The reminders due at <paramref name="now"/>, streamed from an asynchronous source.</summary>
    public async IAsyncEnumerable<PlannedReminder> PlanAsync(IAsyncEnumerable<DunningCase> cases, Instant now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var days = new TodayCache(_options.DefaultTimeZone, now);
        await foreach (var item in cases.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Decide(item, days.TodayFor(item?.Customer?.TimeZoneId)).Reminder is { } reminder)
            {
                yield return reminder;
            }
        }
    }

    /// <summary>The decision for one invoice at <paramref name="now"/>, in its customer's time zone.</summary>
    public PlanDecision Decide(DunningCase item, Instant now) =>
        Decide(item, new TodayCache(_options.DefaultTimeZone, now).TodayFor(item?.Customer?.TimeZoneId));

    /// <summary>The decision for one invoice on <paramref name="today"/>.</summary>
    public PlanDecision Decide(DunningCase item, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Account, "item.Account");
        var account = item.Account;
        if (!account.IsOpen)
        {
            return Skip(PlanOutcome.Settled);
        }

        if (item.Customer is { OptedOut: true })
        {
            return Skip(PlanOutcome.OptedOut);
        }

        if (item.InvoiceSettings is { } flags)
        {
            if (flags.Disputed)
            {
                return Skip(PlanOutcome.Disputed);
            }

            if (flags.PausedUntil is { } pausedUntil && today < pausedUntil)
            {
                return Skip(PlanOutcome.Paused);
            }
        }

        var policy = _options.Policies.Resolve(item.Customer?.PolicyId);
        var dueDate = account.DueDate;
        var step = policy.LatestDue(dueDate, today);
        if (step is null)
        {
            return Skip(PlanOutcome.NothingDue);
        }

        if (item.Journal is { Count: > 0 } journal)
        {
            foreach (var entry in journal)
            {
                if (entry.Key.StepId == step.Id || (policy.FindStep(entry.Key.StepId) is { } done && done.OffsetDays >= step.OffsetDays))
                {
                    return Skip(PlanOutcome.AlreadyJournaled);
                }
            }
        }

        if (!_options.Calendar.IsSendingDay(today))
        {
            return Skip(PlanOutcome.NotSendingDay);
        }

        return new PlanDecision(PlanOutcome.Due, new PlannedReminder
        {
            Key = new ReminderKey(account.Number, step.Id),
            Account = account,
            Policy = policy,
            Step = step,
            ScheduledFor = dueDate.PlusDays(step.OffsetDays),
            PlannedFor = today,
            Customer = item.Customer,
        });
    }

    private static PlanDecision Skip(PlanOutcome outcome) => outcome switch
    {
        PlanOutcome.Settled => SettledDecision,
        PlanOutcome.NothingDue => NothingDueDecision,
        PlanOutcome.AlreadyJournaled => JournaledDecision,
        _ => new PlanDecision(outcome),
    };

    private static readonly PlanDecision SettledDecision = new(PlanOutcome.Settled);
    private static readonly PlanDecision NothingDueDecision = new(PlanOutcome.NothingDue);
    private static readonly PlanDecision JournaledDecision = new(PlanOutcome.AlreadyJournaled);

    private IEnumerable<PlannedReminder> PlanIterator(IEnumerable<DunningCase> cases, Instant now)
    {
        var days = new TodayCache(_options.DefaultTimeZone, now);
        foreach (var item in cases)
        {
            if (Decide(item, days.TodayFor(item?.Customer?.TimeZoneId)).Reminder is { } reminder)
            {
                yield return reminder;
            }
        }
    }

    private IEnumerable<PlannedReminder> PlanIterator(IEnumerable<DunningCase> cases, LocalDate today)
    {
        foreach (var item in cases)
        {
            if (Decide(item, today).Reminder is { } reminder)
            {
                yield return reminder;
            }
        }
    }

    /// <summary>Today in each time zone met, computed once per zone per run (a handful of zones, so memory stays flat).</summary>
    private sealed class TodayCache(DateTimeZone defaultZone, Instant now)
    {
        private readonly LocalDate _defaultToday = now.InZone(defaultZone).Date;
        private readonly Dictionary<string, LocalDate> _byZone = new(StringComparer.Ordinal);

        public LocalDate TodayFor(string? zoneId)
        {
            if (zoneId is null)
            {
                return _defaultToday;
            }

            if (!_byZone.TryGetValue(zoneId, out var today))
            {
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
                today = zone is null ? _defaultToday : now.InZone(zone).Date;
                if (_byZone.Count < 1024)
                {
                    _byZone[zoneId] = today;
                }
            }

            return today;
        }
    }
}
