using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The numbering and query metadata of an issued document as hash format 2 covers it: what stores copy into columns
/// (number, series, counter, sequence, type, dates, customer, currency, amount due). One text form, used by the format-2
/// header and by the seal a checkpoint puts over format-1 documents.
/// </summary>
internal sealed record ArchiveMetadata(
    string Number,
    string SeriesId,
    string CounterKey,
    long Sequence,
    int TypeCode,
    NodaTime.LocalDate IssueDate,
    NodaTime.LocalDate DueDate,
    NodaTime.Instant IssuedAt,
    string CustomerKey,
    string Currency,
    decimal AmountDue)
{
    /// <summary>The metadata of a document, with its own counter key or, for a format-1 document, the one its row holds.</summary>
    /// <exception cref="ArgumentException">There is no counter key.</exception>
    public static ArchiveMetadata Of(IssuedInvoice issued, string? counterKey = null)
    {
        var key = counterKey ?? issued.CounterKey;
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A document hashed with its numbering metadata needs its counter key.", nameof(issued));
        }

        var document = issued.Document;
        return new ArchiveMetadata(
            document.Number!,
            issued.SeriesId,
            key,
            issued.Sequence,
            (int)document.Type,
            document.IssueDate,
            document.DueDate ?? document.IssueDate,
            issued.IssuedAt,
            document.CustomerKey,
            document.Currency.Code,
            issued.Totals.AmountDue);
    }

    /// <summary>The amount as text without trailing zeros, so 149.96 and 149.960 (the same amount) hash alike.</summary>
    public static string AmountText(decimal amount) => amount.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The UTF-8 lines, one per field, in the order of the format-2 header.</summary>
    public byte[] Block()
    {
        var text = new StringBuilder(256)
            .Append(ArchiveHash.Line(Number))
            .Append(ArchiveHash.Line(SeriesId))
            .Append(ArchiveHash.Line(CounterKey))
            .Append(ArchiveHash.Line(Sequence.ToString(CultureInfo.InvariantCulture)))
            .Append(ArchiveHash.Line(TypeCode.ToString(CultureInfo.InvariantCulture)))
            .Append(ArchiveHash.Line(LocalDatePattern.Iso.Format(IssueDate)))
            .Append(ArchiveHash.Line(LocalDatePattern.Iso.Format(DueDate)))
            .Append(ArchiveHash.Line(InstantPattern.ExtendedIso.Format(IssuedAt)))
            .Append(ArchiveHash.Line(CustomerKey))
            .Append(ArchiveHash.Line(Currency))
            .Append(ArchiveHash.Line(AmountText(AmountDue)));
        return ArchiveHash.Utf8(text.ToString());
    }
}
