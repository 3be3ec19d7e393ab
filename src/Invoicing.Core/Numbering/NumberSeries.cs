using System.Globalization;
using System.Text;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A numbering series: continuous and chronological, no gap and no duplicate. The pattern holds text and the
/// placeholders <c>{yyyy}</c>, <c>{yy}</c>, <c>{MM}</c> (from the issue date) and <c>{seq}</c> or
/// <c>{seq:00000}</c> (the sequence, zero-padded to the number of zeros).
/// </summary>
public sealed record NumberSeries
{
    /// <summary>Creates a series and checks its pattern.</summary>
    /// <exception cref="ArgumentException">The id is empty, or the pattern has no <c>{seq}</c> or an unknown placeholder.</exception>
    public NumberSeries(string id, string pattern, bool resetsYearly = false)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A number series needs an id.", nameof(id));
        }

        Id = id;
        Pattern = pattern;
        ResetsYearly = resetsYearly;
        _segments = Parse(pattern);
    }

    private readonly Segment[] _segments;

    /// <summary>The series id, for example <c>invoices</c> or <c>credit-notes</c>.</summary>
    public string Id { get; }

    /// <summary>The pattern, for example <c>F{yyyy}-{seq:00000}</c>.</summary>
    public string Pattern { get; }

    /// <summary>Whether the sequence starts again at 1 every calendar year.</summary>
    public bool ResetsYearly { get; }

    /// <summary>The default series for invoices: <c>F{yyyy}-{seq:00000}</c>, reset every year.</summary>
    public static NumberSeries DefaultInvoices { get; } = new("invoices", "F{yyyy}-{seq:00000}", resetsYearly: true);

    /// <summary>The default series for credit notes: <c>AV{yyyy}-{seq:00000}</c>, reset every year.</summary>
    public static NumberSeries DefaultCreditNotes { get; } = new("credit-notes", "AV{yyyy}-{seq:00000}", resetsYearly: true);

    /// <summary>
    /// The counter a number is drawn from: the series id, with the year when the series resets yearly.
    /// Stores keep one counter per key.
    /// </summary>
    public string CounterKey(LocalDate issueDate) =>
        ResetsYearly ? string.Create(CultureInfo.InvariantCulture, $"{Id}/{issueDate.Year:0000}") : Id;

    /// <summary>Formats the number of the <paramref name="sequence"/>-th document of the counter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is not positive.</exception>
    public string Format(long sequence, LocalDate issueDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var builder = new StringBuilder(Pattern.Length + 8);
        foreach (var segment in _segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Text: builder.Append(segment.Text); break;
                case SegmentKind.Year4: builder.Append(CultureInfo.InvariantCulture, $"{issueDate.Year:0000}"); break;
                case SegmentKind.Year2: builder.Append(CultureInfo.InvariantCulture, $"{issueDate.Year % 100:00}"); break;
                case SegmentKind.Month: builder.Append(CultureInfo.InvariantCulture, $"{issueDate.Month:00}"); break;
                default: builder.Append(sequence.ToString(segment.Text, CultureInfo.InvariantCulture)); break;
            }
        }

        return builder.ToString();
    }

    private static Segment[] Parse(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("A number series needs a pattern.", nameof(pattern));
        }

        var segments = new List<Segment>();
        var hasSequence = false;
        var position = 0;
        while (position < pattern.Length)
        {
            var open = pattern.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add(new Segment(SegmentKind.Text, pattern[position..]));
                break;
            }

            if (open > position)
            {
                segments.Add(new Segment(SegmentKind.Text, pattern[position..open]));
            }

            var close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                throw new ArgumentException($"The pattern '{pattern}' has an unclosed '{{'.", nameof(pattern));
            }

            var token = pattern[(open + 1)..close];
            segments.Add(token switch
            {
                "yyyy" => new Segment(SegmentKind.Year4, token),
                "yy" => new Segment(SegmentKind.Year2, token),
                "MM" => new Segment(SegmentKind.Month, token),
                "seq" => new Segment(SegmentKind.Sequence, "0"),
                _ when token.StartsWith("seq:", StringComparison.Ordinal) && token.Length > 4 && token[4..].All(c => c == '0')
                    => new Segment(SegmentKind.Sequence, token[4..]),
                _ => throw new ArgumentException($"The pattern '{pattern}' has an unknown placeholder '{{{token}}}'.", nameof(pattern)),
            });
            hasSequence |= segments[^1].Kind == SegmentKind.Sequence;
            position = close + 1;
        }

        return hasSequence
            ? [.. segments]
            : throw new ArgumentException($"The pattern '{pattern}' has no {{seq}} placeholder.", nameof(pattern));
    }

    private enum SegmentKind
    {
        Text,
        Year4,
        Year2,
        Month,
        Sequence,
    }

    private readonly record struct Segment(SegmentKind Kind, string Text);
}
