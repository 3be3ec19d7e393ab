using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// A dunning policy: ordered reminder steps relative to the due date, an optional repeating tail with a cap, and an
/// optional formal notice day. Immutable; <see cref="Steps"/> is the expanded, ordered calendar every planner reads.
/// </summary>
public sealed class DunningPolicy
{
    /// <summary>The id of the built-in default policy.</summary>
    public const string DefaultId = "default";

    private readonly ReminderStep[] _steps;
    private readonly Dictionary<string, ReminderStep> _byId;

    /// <summary>Creates a policy.</summary>
    /// <param name="id">The policy id customers and segments refer to; not blank.</param>
    /// <param name="steps">The explicit steps; offsets must differ.</param>
    /// <param name="tail">Reminders repeated after the explicit steps, or null.</param>
    /// <param name="formalNoticeDay">The offset of the formal notice; it replaces or joins the step of that day, and later steps stay at that level. Null for none.</param>
    /// <exception cref="InvoiceValidationException">A blank id (DUN-POLICY-ID), no step (DUN-POLICY-EMPTY), two steps on one offset (DUN-POLICY-DUPLICATE), a formal notice day before the due date (DUN-POLICY-FORMAL).</exception>
    public DunningPolicy(string id, IEnumerable<ReminderStep> steps, RepeatingTail? tail = null, int? formalNoticeDay = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-POLICY-ID", "id", "A policy needs an id."));
        }

        var issues = new List<ValidationIssue>();
        var byOffset = new SortedDictionary<int, ReminderStep>();
        var index = 0;
        foreach (var step in steps)
        {
            if (step is null)
            {
                issues.Add(ValidationIssue.Error("DUN-POLICY-STEP", string.Create(CultureInfo.InvariantCulture, $"steps[{index}]"), "A step is missing."));
            }
            else if (!byOffset.TryAdd(step.OffsetDays, step))
            {
                issues.Add(ValidationIssue.Error("DUN-POLICY-DUPLICATE", string.Create(CultureInfo.InvariantCulture, $"steps[{index}].offsetDays"), $"Two steps fall on offset {step.OffsetDays}."));
            }

            index++;
        }

        if (formalNoticeDay is < 1 or > 3650)
        {
            issues.Add(ValidationIssue.Error("DUN-POLICY-FORMAL", "formalNoticeDay", $"The formal notice must come 1 to 3650 days after the due date; got {formalNoticeDay}."));
        }

        if (issues.Count > 0)
        {
            throw new InvoiceValidationException(issues);
        }

        if (tail is not null)
        {
            for (var offset = tail.FirstOffsetDays; offset <= tail.MaxOffsetDays; offset += tail.IntervalDays)
            {
                byOffset.TryAdd(offset, new ReminderStep(offset, tail.Level, tail.TemplateId, attachInvoicePdf: tail.AttachInvoicePdf));
            }
        }

        if (formalNoticeDay is { } formal)
        {
            var attach = byOffset.TryGetValue(formal, out var replaced) ? replaced.AttachInvoicePdf : true;
            byOffset[formal] = new ReminderStep(formal, ReminderLevel.FormalNotice, BuiltInTemplates.FormalNotice, replaced?.Fee, attach);
            foreach (var later in byOffset.Where(p => p.Key > formal && p.Value.Level != ReminderLevel.FormalNotice).ToArray())
            {
                byOffset[later.Key] = new ReminderStep(later.Key, ReminderLevel.FormalNotice, BuiltInTemplates.FormalNotice, later.Value.Fee, later.Value.AttachInvoicePdf);
            }
        }

        if (byOffset.Count == 0)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-POLICY-EMPTY", "steps", "A policy needs at least one step."));
        }

        Id = id;
        Tail = tail;
        FormalNoticeDay = formalNoticeDay;
        _steps = [.. byOffset.Values];
        _byId = _steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Steps = ValueList.Create<ReminderStep>(_steps);
    }

    /// <summary>The policy id.</summary>
    public string Id { get; }

    /// <summary>Every step, the tail expanded, ordered by offset.</summary>
    public ValueList<ReminderStep> Steps { get; }

    /// <summary>The repeating tail, or null.</summary>
    public RepeatingTail? Tail { get; }

    /// <summary>The formal notice offset, or null.</summary>
    public int? FormalNoticeDay { get; }

    /// <summary>
    /// The default policy: 7 days before the due date, on the due date, then +3 and +6, then every 7 days
    /// (+13, +20, ...) up to <paramref name="maxOffsetDays"/>, with the formal notice at <paramref name="formalNoticeDay"/>.
    /// The invoice PDF goes with every reminder.
    /// </summary>
    /// <param name="formalNoticeDay">The formal notice's offset; 34 by default.</param>
    /// <param name="maxOffsetDays">The last repeat's offset at most; 62 by default, at least 13.</param>
    /// <exception cref="InvoiceValidationException">A cap below 13 (DUN-TAIL-MAX) or a formal notice day out of range (DUN-POLICY-FORMAL).</exception>
    public static DunningPolicy Default(int formalNoticeDay = 34, int maxOffsetDays = 62) => new(
        DefaultId,
        [
            new ReminderStep(-7, ReminderLevel.Friendly, BuiltInTemplates.Friendly, attachInvoicePdf: true),
            new ReminderStep(0, ReminderLevel.Friendly, BuiltInTemplates.Friendly, attachInvoicePdf: true),
            new ReminderStep(3, ReminderLevel.Firm, BuiltInTemplates.Firm, attachInvoicePdf: true),
            new ReminderStep(6, ReminderLevel.Firm, BuiltInTemplates.Firm, attachInvoicePdf: true),
        ],
        new RepeatingTail(13, 7, maxOffsetDays, ReminderLevel.Firm, BuiltInTemplates.Firm),
        formalNoticeDay);

    /// <summary>The step of an id, or null.</summary>
    public ReminderStep? FindStep(string stepId) => stepId is not null && _byId.TryGetValue(stepId, out var step) ? step : null;

    /// <summary>The calendar of an invoice due on <paramref name="dueDate"/>: each step with its date.</summary>
    public IEnumerable<ScheduledStep> Schedule(LocalDate dueDate) => _steps.Select(s => new ScheduledStep(s, dueDate.PlusDays(s.OffsetDays)));

    /// <summary>
    /// The latest step whose date is on or before <paramref name="today"/> for an invoice due on
    /// <paramref name="dueDate"/>, or null when none is due yet.
    /// </summary>
    internal ReminderStep? LatestDue(LocalDate dueDate, LocalDate today)
    {
        // Days since the due date; steps are ordered, so a binary search finds the last offset <= days.
        var days = (int)(today.ToEpochDay() - dueDate.ToEpochDay());
        int low = 0, high = _steps.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_steps[mid].OffsetDays <= days)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found < 0 ? null : _steps[found];
    }
}
