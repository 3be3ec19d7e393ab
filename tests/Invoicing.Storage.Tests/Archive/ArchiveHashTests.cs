using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Archive;

public sealed class ArchiveHashTests
{
    private static readonly Invoice Numbered = StoreFixtures.Draft() with { Number = "F2026-00001" };

    [Fact]
    public void Compute_SameInput_SameLowerCaseHex()
    {
        var first = ArchiveHash.Compute(ArchiveHash.Genesis, Numbered, "invoices", 1, StoreFixtures.IssuedAt);
        var again = ArchiveHash.Compute(ArchiveHash.Genesis, InvoiceJson.Deserialize(InvoiceJson.Serialize(Numbered)), "invoices", 1, StoreFixtures.IssuedAt);

        Assert.Equal(first, again);
        Assert.True(ArchiveHash.IsHash(first));
        Assert.Equal(new string('0', 64), ArchiveHash.Genesis);
    }

    [Fact]
    public void Compute_AnyFieldChanged_DifferentHash()
    {
        var hash = ArchiveHash.Compute(ArchiveHash.Genesis, Numbered, "invoices", 1, StoreFixtures.IssuedAt);

        Assert.NotEqual(hash, ArchiveHash.Compute(new string('1', 64), Numbered, "invoices", 1, StoreFixtures.IssuedAt));
        Assert.NotEqual(hash, ArchiveHash.Compute(ArchiveHash.Genesis, Numbered with { Number = "F2026-00002" }, "invoices", 1, StoreFixtures.IssuedAt));
        Assert.NotEqual(hash, ArchiveHash.Compute(ArchiveHash.Genesis, Numbered, "other", 1, StoreFixtures.IssuedAt));
        Assert.NotEqual(hash, ArchiveHash.Compute(ArchiveHash.Genesis, Numbered, "invoices", 2, StoreFixtures.IssuedAt));
        Assert.NotEqual(hash, ArchiveHash.Compute(ArchiveHash.Genesis, Numbered, "invoices", 1, StoreFixtures.IssuedAt + Duration.FromSeconds(1)));
        Assert.NotEqual(hash, ArchiveHash.Compute(ArchiveHash.Genesis, Numbered with { DueDate = new LocalDate(2026, 12, 3) }, "invoices", 1, StoreFixtures.IssuedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Compute_MalformedPreviousHash_ArgumentException(string previous)
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(previous, Numbered, "invoices", 1, StoreFixtures.IssuedAt));

        Assert.Equal("previousHash", error.ParamName);
    }

    [Fact]
    public void Compute_DraftWithoutNumber_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ArchiveHash.Compute(ArchiveHash.Genesis, StoreFixtures.Draft(), "invoices", 1, StoreFixtures.IssuedAt));

        Assert.Equal("document", error.ParamName);
    }
}
