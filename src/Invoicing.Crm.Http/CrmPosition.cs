using System.Globalization;
using NodaTime;

namespace Invoicing.Crm.Http;

/// <summary>
/// A connector's place in a paged read, kept in <see cref="CrmCursor.Position"/>: the CRM's own token for the next
/// page (an <c>after</c>, a <c>nextRecordsUrl</c>, a <c>page_token</c>) and the latest modification seen so far, so a
/// read resumed after a crash still ends with the right modified-since mark for the next run.
/// </summary>
internal readonly record struct CrmPosition(Instant? LatestSeen, string Token)
{
    /// <summary>The cursor after a page: inside the read while the CRM gives a next token, else the mark for the next run.</summary>
    /// <param name="since">The read's modified-since mark.</param>
    /// <param name="latestSeen">The latest modification seen in the read up to and including this page.</param>
    /// <param name="nextToken">The CRM's token for the next page, or null after the last.</param>
    public static CrmCursor Next(Instant? since, Instant? latestSeen, string? nextToken)
        => nextToken is { Length: > 0 }
            ? new CrmCursor(since, new CrmPosition(latestSeen, nextToken).ToString())
            : new CrmCursor(Latest(since, latestSeen));

    /// <summary>The later of two marks.</summary>
    public static Instant? Latest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Max(a.Value, b.Value);

    /// <summary>Reads a position this connector wrote; anything else is an invalid cursor, never a guess.</summary>
    public static CrmPosition Parse(string position, string source)
    {
        var separator = position.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || separator == position.Length - 1)
        {
            throw Invalid(source);
        }

        var mark = position[..separator];
        Instant? latest = null;
        if (mark.Length > 0)
        {
            if (!long.TryParse(mark, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > 253_402_300_799_999)
            {
                throw Invalid(source);
            }

            latest = Instant.FromUnixTimeMilliseconds(milliseconds);
        }

        return new CrmPosition(latest, position[(separator + 1)..]);
    }

    /// <summary>The stored form: the latest mark in Unix milliseconds (or nothing), <c>|</c>, the CRM's token verbatim.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{LatestSeen?.ToUnixTimeMilliseconds()}|{Token}");

    private static CrmException Invalid(string source)
        => new(CrmErrorReason.InvalidCursor, source, null, "cursor", $"{source}: the stored sync cursor's page position is not one this connector wrote; reset the source's cursor to sync from the last mark.");
}
