using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Archive;

public sealed class ArchiveHashTests
{
    private static readonly IssuedInvoice Sealed = InvoiceLifecycle.Seal(
        StoreFixtures.Request(StoreFixtures.Draft()),
        InvoiceCalculator.Calculate(StoreFixtures.Draft()),
        1,
        ArchiveHash.Genesis);

    /// <summary>The same document as an archive before hash format 2 holds it: no counter key, format 1.</summary>
    private static readonly IssuedInvoice Format1 = LegacyArchive.Chain(1)[0];

    [Fact]
    public void Compute_SameInput_SameLowerCaseHex()
    {
        var again = InvoiceJson.DeserializeIssued(StoreJson.SerializeIssued(Sealed));

        Assert.Equal(Sealed.Hash, ArchiveHash.Compute(again));
        Assert.True(ArchiveHash.IsHash(Sealed.Hash));
        Assert.Equal(new string('0', 64), ArchiveHash.Genesis);
        Assert.Equal(ArchiveHash.FormatMetadata, again.HashFormat);
        Assert.Equal("invoices/2026", again.CounterKey);
    }

    [Fact]
    public void Input_Format2_IsTheDocumentedHeaderThenTheCanonicalDocument()
    {
        var header = "invoicing-archive/2\n" + ArchiveHash.Genesis + "\nF2026-00001\ninvoices\ninvoices/2026\n1\n380\n2026-11-02\n2026-12-02\n2026-11-02T09:00:00Z\n987654324\nEUR\n149.96\n";

        Assert.Equal([.. Encoding.UTF8.GetBytes(header), .. InvoiceJson.Canonical(Sealed.Document)], ArchiveHash.Input(Sealed));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ArchiveHash.Input(Sealed))), Sealed.Hash);
    }

    [Fact]
    public void Input_Format1_IsTheHeaderArchivesBeforeFormat2Hold()
    {
        var header = ArchiveHash.Genesis + "\nF2026-00001\ninvoices\n1\n2026-11-02T09:00:00Z\n";

        Assert.Equal([.. Encoding.UTF8.GetBytes(header), .. InvoiceJson.Canonical(Format1.Document)], ArchiveHash.Input(Format1));
    }

    [Fact]
    public void Compute_Format2_EveryMetadataFieldChangesTheHash()
    {
        var changed = new[]
        {
            Sealed with { PreviousHash = new string('1', 64) },
            Sealed with { Document = Sealed.Document with { Number = "F2026-00002" } },
            Sealed with { SeriesId = "other" },
            Sealed with { CounterKey = "invoices" },
            Sealed with { Sequence = 2 },
            Sealed with { IssuedAt = Sealed.IssuedAt + Duration.FromSeconds(1) },
            Sealed with { Document = Sealed.Document with { Type = DocumentType.CreditNote } },
            Sealed with { Document = Sealed.Document with { IssueDate = new LocalDate(2026, 11, 3) } },
            Sealed with { Document = Sealed.Document with { DueDate = new LocalDate(2026, 12, 3) } },
            Sealed with { Document = Sealed.Document with { Buyer = Sealed.Document.Buyer with { LegalId = Identifier.Siren("552100554") } } },
            Sealed with { Document = Sealed.Document with { Currency = Currency.FromCode("CHF") } },
            Sealed with { Totals = Sealed.Totals with { AmountDue = 1m } },
            Sealed with { HashFormat = ArchiveHash.FormatDocument },
        };

        Assert.All(changed, other => Assert.NotEqual(Sealed.Hash, ArchiveHash.Compute(other)));
        Assert.Equal(changed.Length, changed.Select(ArchiveHash.Compute).Distinct().Count());
    }

    [Fact]
    public void Compute_Format1_DoesNotCoverTheCounterKey()
    {
        // Why format 2 exists: the same format-1 record hashes alike whatever its counter key.
        Assert.Equal(ArchiveHash.Compute(Format1), ArchiveHash.Compute(Format1 with { CounterKey = "invoices" }));
    }

    [Fact]
    public void Compute_Format2_AnAmountHashesAlikeWhateverItsScale()
    {
        Assert.Equal(Sealed.Hash, ArchiveHash.Compute(Sealed with { Totals = Sealed.Totals with { AmountDue = 149.960m } }));
    }

    [Fact]
    public void Compute_Format2_ALineFeedInAFieldCannotPassForTwoFields()
    {
        // Without escaping, series "a\nb" with counter key "c" would hash like series "a" with counter key "b\nc".
        var first = Sealed with { SeriesId = "a\nb", CounterKey = "c" };
        var second = Sealed with { SeriesId = "a", CounterKey = "b\nc" };

        Assert.NotEqual(ArchiveHash.Compute(first), ArchiveHash.Compute(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Compute_MalformedPreviousHash_ArgumentException(string previous)
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(Sealed with { PreviousHash = previous }));

        Assert.Contains("previous hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DraftWithoutNumber_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(Sealed with { Document = StoreFixtures.Draft() }));

        Assert.Contains("numbered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeIssued_JsonWrittenBeforeFormat2_ReadsAsFormat1WithoutCounterKey()
    {
        var read = InvoiceJson.DeserializeIssued(LegacyArchive.Json(Format1));

        Assert.Equal((ArchiveHash.FormatDocument, (string?)null), (read.HashFormat, read.CounterKey));
        Assert.Equal(Format1.Hash, ArchiveHash.Compute(read));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Compute_UnknownFormat_ArgumentException(int format)
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(Sealed with { HashFormat = format }));

        Assert.Contains("format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Format2WithoutCounterKey_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(Sealed with { CounterKey = null }));

        Assert.Contains("counter key", error.Message, StringComparison.Ordinal);
    }
}
