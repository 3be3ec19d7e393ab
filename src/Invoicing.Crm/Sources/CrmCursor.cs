using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Crm;

/// <summary>
/// Where a source resumes: the records modified since an instant, and optionally a position in the source's own
/// paging (an <c>after</c> token, a <c>nextRecordsUrl</c>, a page token), opaque to everyone but the source. Stored as
/// text by the sync ledger (<see cref="ToString"/>, <see cref="Parse"/>).
/// </summary>
public sealed record CrmCursor
{
    private const string Prefix = "crm1;";

    /// <summary>Creates a cursor.</summary>
    /// <exception cref="ArgumentException">The position is empty (use null for none).</exception>
    public CrmCursor(Instant? modifiedSince, string? position = null)
    {
        if (position is { Length: 0 })
        {
            throw new ArgumentException("A source position is null or not empty.", nameof(position));
        }

        ModifiedSince = modifiedSince;
        Position = position;
    }

    /// <summary>The records modified at or after this instant are read; null reads from the beginning.</summary>
    public Instant? ModifiedSince { get; }

    /// <summary>The source's own position within a paged read, or null at the start of a read.</summary>
    public string? Position { get; }

    /// <summary>The cursor at a new modified-since mark, outside any paged read.</summary>
    public CrmCursor WithModifiedSince(Instant? modifiedSince) => new(modifiedSince);

    /// <summary>The cursor as stored: <c>crm1;</c>, the ISO instant (or nothing), <c>;</c>, the position verbatim (or nothing).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{(ModifiedSince is { } since ? InstantPattern.ExtendedIso.Format(since) : string.Empty)};{Position}");

    /// <summary>Reads a stored cursor.</summary>
    /// <exception cref="CrmException">Reason <see cref="CrmErrorReason.InvalidCursor"/>: the text is not a cursor this library wrote.</exception>
    public static CrmCursor Parse(string text, string source)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Invalid(source);
        }

        var rest = text.AsSpan(Prefix.Length);
        var separator = rest.IndexOf(';');
        if (separator < 0)
        {
            throw Invalid(source);
        }

        Instant? since = null;
        if (separator > 0)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(rest[..separator].ToString());
            if (!parsed.Success)
            {
                throw Invalid(source);
            }

            since = parsed.Value;
        }

        var position = rest[(separator + 1)..].ToString();
        return new CrmCursor(since, position.Length == 0 ? null : position);
    }

    private static CrmException Invalid(string source) =>
        new(CrmErrorReason.InvalidCursor, source, null, "cursor", "The stored sync cursor is not one this library wrote; reset the source's cursor to sync from the beginning.");
}
