using System.Globalization;
using Invoicing.Core;

namespace Invoicing.Reporting;

/// <summary>One column of an aging report: the open balances whose days past due fall in a range.</summary>
/// <param name="Label">What the column is called: <c>not due</c>, <c>1-30</c>, <c>over 90</c>.</param>
/// <param name="MinDaysOverdue">The first day of the range (0 for not due).</param>
/// <param name="MaxDaysOverdue">The last day of the range, or null for the open-ended last column.</param>
public sealed record AgingBucket(string Label, int MinDaysOverdue, int? MaxDaysOverdue);

/// <summary>
/// The columns of an aging report. The first is always <c>not due</c> (due today or later); then one column per
/// boundary (days past due, inclusive); the last is open-ended. The default is not due, 1-30, 31-60, 61-90, over 90.
/// </summary>
public sealed class AgingBuckets
{
    private readonly int[] _upperBounds;

    private AgingBuckets(int[] upperBounds)
    {
        _upperBounds = upperBounds;
        var buckets = new List<AgingBucket> { new("not due", 0, 0) };
        var previous = 0;
        foreach (var bound in upperBounds)
        {
            buckets.Add(new AgingBucket(string.Create(CultureInfo.InvariantCulture, $"{previous + 1}-{bound}"), previous + 1, bound));
            previous = bound;
        }

        buckets.Add(new AgingBucket(string.Create(CultureInfo.InvariantCulture, $"over {previous}"), previous + 1, null));
        Buckets = buckets;
    }

    /// <summary>Not due, 1-30, 31-60, 61-90, over 90.</summary>
    public static AgingBuckets Default { get; } = new([30, 60, 90]);

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<AgingBucket> Buckets { get; }

    /// <summary>The number of columns.</summary>
    public int Count => Buckets.Count;

    /// <summary>Columns from their last days: <c>FromBoundaries(30, 60, 90)</c> is the default.</summary>
    /// <param name="upperBounds">The last day past due of each bounded column: above zero, strictly increasing, at most 50 of them.</param>
    /// <exception cref="InvoiceValidationException">A boundary is not above zero or not above the one before (rule <c>REP-AGING-BUCKETS</c>, field <c>buckets[i]</c>).</exception>
    public static AgingBuckets FromBoundaries(params IReadOnlyList<int> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        var issues = new List<ValidationIssue>();
        if (upperBounds.Count > 50)
        {
            issues.Add(ValidationIssue.Error("REP-AGING-BUCKETS", "buckets", "At most 50 aging boundaries."));
        }

        for (var i = 0; i < upperBounds.Count && issues.Count == 0; i++)
        {
            var previous = i == 0 ? 0 : upperBounds[i - 1];
            if (upperBounds[i] <= previous)
            {
                issues.Add(ValidationIssue.Error(
                    "REP-AGING-BUCKETS",
                    string.Create(CultureInfo.InvariantCulture, $"buckets[{i}]"),
                    string.Create(CultureInfo.InvariantCulture, $"Aging boundaries are days past due, above zero and increasing: {upperBounds[i]} does not follow {previous}.")));
            }
        }

        return issues.Count > 0 ? throw new InvoiceValidationException(issues) : new AgingBuckets([.. upperBounds]);
    }

    /// <summary>The column of a number of days past due (zero or less: not due).</summary>
    public int IndexOf(int daysOverdue)
    {
        if (daysOverdue <= 0)
        {
            return 0;
        }

        for (var i = 0; i < _upperBounds.Length; i++)
        {
            if (daysOverdue <= _upperBounds[i])
            {
                return i + 1;
            }
        }

        return _upperBounds.Length + 1;
    }
}
