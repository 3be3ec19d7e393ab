using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// An issue prepared for the <c>issue_document</c> function: the number around its digits, and the hashed bytes
/// (<see cref="ArchiveHash.Input"/>) and the stored JSON cut where the previous hash (p), the digits of the number (n),
/// the sequence (s) and the hash (h) go. The server fills the slots once it has drawn the sequence under the chain-head
/// lock, so the lock is held for one statement instead of two round trips and the client's work.
/// </summary>
/// <remarks>
/// The slots are found by serializing with sentinel values, random per process, and cutting at them. A sentinel that
/// shows up more often than its slot (the document happens to contain it) makes <see cref="TryCreate"/> return null,
/// and the store issues the classic way.
/// </remarks>
internal sealed class IssueTemplate
{
    // A sequence no counter reaches, with no zero so that no padding width hides part of it.
    private const long SequenceSentinel = 918_273_645_546_372_819;

    private static readonly string PreviousHashSentinel = RandomHex(64);
    private static readonly string HashSentinel = RandomHex(64);
    private static readonly string DigitsSentinel = "N" + RandomHex(31);
    private static readonly string SequenceText = SequenceSentinel.ToString(CultureInfo.InvariantCulture);

    private IssueTemplate(string numberBefore, int digits, string numberAfter, Template hashInput, Template document)
    {
        NumberBefore = numberBefore;
        Digits = digits;
        NumberAfter = numberAfter;
        HashInput = hashInput;
        Document = document;
    }

    /// <summary>The number's text before its digits.</summary>
    public string NumberBefore { get; }

    /// <summary>The least number of digits: the sequence is zero-padded to it.</summary>
    public int Digits { get; }

    /// <summary>The number's text after its digits.</summary>
    public string NumberAfter { get; }

    /// <summary>The bytes the archive hash is computed over.</summary>
    public Template HashInput { get; }

    /// <summary>The stored JSON of the issued document, as UTF-8.</summary>
    public Template Document { get; }

    /// <summary>Prepares the issue, or returns null when it must be issued the classic way (see remarks).</summary>
    public static IssueTemplate? TryCreate(IssueRequest request, InvoiceTotals totals)
    {
        var issueDate = request.Document.IssueDate;
        if (SplitNumber(request.Series, issueDate) is not var (before, digits, after))
        {
            return null;
        }

        var issued = new IssuedInvoice
        {
            Document = request.Document with { Number = before + DigitsSentinel + after },
            Totals = totals,
            SeriesId = request.Series.Id,
            CounterKey = request.Series.CounterKey(issueDate),
            Sequence = SequenceSentinel,
            IssuedAt = request.IssuedAt,
            PreviousHash = PreviousHashSentinel,
            HashFormat = ArchiveHash.FormatMetadata,
            Hash = HashSentinel,
        };
        var hashInput = Template.Cut(
            ArchiveHash.Input(issued),
            [new(PreviousHashSentinel, "p", 1), new(DigitsSentinel, "n", 2), new(SequenceText, "s", 1)]);
        var document = Template.Cut(
            Encoding.UTF8.GetBytes(StoreJson.SerializeIssued(issued)),
            [new(PreviousHashSentinel, "p", 1), new(DigitsSentinel, "n", 1), new(SequenceText, "s", 1), new(HashSentinel, "h", 1)]);
        return hashInput is null || document is null ? null : new IssueTemplate(before, digits, after, hashInput, document);
    }

    /// <summary>
    /// The number of a counter's documents cut around the sequence, from two numbers the series formats; null when the
    /// pattern holds the sequence more than once.
    /// </summary>
    private static (string Before, int Digits, string After)? SplitNumber(NumberSeries series, NodaTime.LocalDate issueDate)
    {
        var probe = series.Format(SequenceSentinel, issueDate);
        var at = probe.IndexOf(SequenceText, StringComparison.Ordinal);
        if (at < 0 || probe.IndexOf(SequenceText, at + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var (before, after) = (probe[..at], probe[(at + SequenceText.Length)..]);
        var first = series.Format(1, issueDate);
        var digits = first.Length - before.Length - after.Length;
        return digits >= 1 && first == before + 1L.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + after
            ? (before, digits, after)
            : null;
    }

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2 + 1))[..length];

    /// <summary>A sentinel, the slot it marks, and how often it must occur.</summary>
    internal readonly record struct Slot(string Sentinel, string Code, int Occurrences);

    /// <summary>Bytes cut into parts; slot i goes between part i and part i + 1.</summary>
    internal sealed record Template(byte[][] Parts, string[] Slots)
    {
        /// <summary>Cuts the bytes at every sentinel; null when a sentinel does not occur exactly as often as its slot.</summary>
        public static Template? Cut(byte[] bytes, Slot[] slots)
        {
            var cuts = new List<(int At, int Length, string Code)>();
            foreach (var slot in slots)
            {
                var sentinel = Encoding.UTF8.GetBytes(slot.Sentinel);
                var found = 0;
                for (var at = bytes.AsSpan().IndexOf(sentinel); at >= 0; found++)
                {
                    cuts.Add((at, sentinel.Length, slot.Code));
                    var next = bytes.AsSpan(at + sentinel.Length).IndexOf(sentinel);
                    at = next < 0 ? -1 : at + sentinel.Length + next;
                }

                if (found != slot.Occurrences)
                {
                    return null;
                }
            }

            cuts.Sort((a, b) => a.At.CompareTo(b.At));
            var parts = new byte[cuts.Count + 1][];
            var start = 0;
            for (var i = 0; i < cuts.Count; i++)
            {
                if (cuts[i].At < start)
                {
                    return null;
                }

                parts[i] = bytes[start..cuts[i].At];
                start = cuts[i].At + cuts[i].Length;
            }

            parts[^1] = bytes[start..];
            return new Template(parts, [.. cuts.Select(cut => cut.Code)]);
        }
    }
}
