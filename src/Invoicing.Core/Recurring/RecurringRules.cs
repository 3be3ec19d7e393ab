using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The rules every schedule store applies, in one place, so the in-memory, SQLite and PostgreSQL stores accept the
/// same schedules and compute the same next due instant. Pure.
/// </summary>
public static class RecurringRules
{
    /// <summary>The earliest and latest start years accepted: far from the calendar's limits, wide for any contract.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest start or end year accepted.</summary>
    public const int MaxYear = 9000;

    /// <summary>Checks a schedule before it is saved.</summary>
    /// <exception cref="InvoiceValidationException">
    /// Every rule broken: REC-ID (blank, too long, or with a control character such as NUL, which a database text cannot hold), REC-RECURRENCE, REC-START, REC-END, REC-COUNT, REC-TIME-ZONE, REC-TIMING, REC-CATCH-UP,
    /// REC-PRORATION, REC-TEMPLATE (or the draft rules INV-DRAFT-NUMBERED, INV-DRAFT-UNREADABLE on the template).
    /// </exception>
    public static void CheckSchedule(RecurringSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var issues = new List<ValidationIssue>();
        if (string.IsNullOrWhiteSpace(schedule.Id) || schedule.Id.Length > RecurringSchedule.MaxIdLength || schedule.Id.Any(char.IsControl))
        {
            issues.Add(ValidationIssue.Error("REC-ID", "id", $"A schedule id is 1 to {RecurringSchedule.MaxIdLength} characters, not blank, without control characters."));
        }

        if (schedule.Recurrence is null)
        {
            issues.Add(ValidationIssue.Error("REC-RECURRENCE", "recurrence", "A schedule needs a recurrence (monthly, end of month, quarterly, yearly or every N weeks)."));
        }

        if (schedule.Start.Year is < MinYear or > MaxYear)
        {
            issues.Add(ValidationIssue.Error("REC-START", "start", $"The start date must be within the years {MinYear} to {MaxYear}."));
        }

        if (schedule.End is { } end && (end < schedule.Start || end.Year > MaxYear))
        {
            issues.Add(ValidationIssue.Error("REC-END", "end", $"The end date ({LocalDatePattern.Iso.Format(end)}) may not be before the start date ({LocalDatePattern.Iso.Format(schedule.Start)}) nor after the year {MaxYear}."));
        }

        if (schedule.Count is < 1)
        {
            issues.Add(ValidationIssue.Error("REC-COUNT", "count", "The number of periods, when given, is at least 1."));
        }

        if (schedule.TimeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(schedule.TimeZone) is null)
        {
            issues.Add(ValidationIssue.Error("REC-TIME-ZONE", "timeZone", $"'{schedule.TimeZone}' is not a time zone id of the IANA database (such as Europe/Paris)."));
        }

        if (!Enum.IsDefined(schedule.Timing))
        {
            issues.Add(ValidationIssue.Error("REC-TIMING", "timing", "The timing is InAdvance or InArrears."));
        }

        if (!Enum.IsDefined(schedule.CatchUp))
        {
            issues.Add(ValidationIssue.Error("REC-CATCH-UP", "catchUp", "The catch-up mode is OnePerPeriod or Combined."));
        }

        if (!Enum.IsDefined(schedule.Proration))
        {
            issues.Add(ValidationIssue.Error("REC-PRORATION", "proration", "The proration is ByDays or None."));
        }

        if (schedule.Template is null)
        {
            issues.Add(ValidationIssue.Error("REC-TEMPLATE", "template", "A schedule needs a template draft."));
        }
        else
        {
            try
            {
                InvoiceLifecycle.CheckDraft(schedule.Template);
            }
            catch (InvoiceValidationException exception)
            {
                issues.AddRange(exception.Issues.Select(issue => issue with { Path = "template." + issue.Path }));
            }
        }

        if (issues.Count > 0)
        {
            throw new InvoiceValidationException(issues);
        }
    }

    /// <summary>
    /// When the next period after <paramref name="billedThrough"/> falls due (skipping those due before
    /// <paramref name="billFrom"/>): the start of its day in the schedule's time zone. Null when the schedule has ended.
    /// </summary>
    public static Instant? NextDueAt(RecurringSchedule schedule, LocalDate? billedThrough, LocalDate? billFrom)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return RecurringCalendar.NextIssueOn(schedule, billedThrough, billFrom) is { } day
            ? RecurringCalendar.StartOfDay(DateTimeZoneProviders.Tzdb[schedule.TimeZone], day)
            : null;
    }

    /// <summary>
    /// The draft id of the occurrence whose first period starts on <paramref name="periodStart"/>: derived from the
    /// schedule id and that day (SHA-256), so every worker names the same occurrence the same way.
    /// </summary>
    public static DraftId OccurrenceDraftId(string scheduleId, LocalDate periodStart)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("recurring\n" + scheduleId + "\n" + LocalDatePattern.Iso.Format(periodStart)), hash);
        return new DraftId(new Guid(hash[..16]));
    }
}
