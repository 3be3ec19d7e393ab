using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;

namespace Invoicing.Core.Tests.Storage;

public sealed class DerivedIdsTests
{
    [Fact]
    public void From_SameParts_SameId_OtherParts_OtherId()
    {
        Assert.Equal(DerivedIds.From("a", "b"), DerivedIds.From("a", "b"));
        Assert.NotEqual(DerivedIds.From("a", "b"), DerivedIds.From("b", "a"));
        Assert.NotEqual(DerivedIds.From("a", "b"), DerivedIds.From("ab"));
    }

    [Fact]
    public void From_IsSha256OfThePartsJoinedByLineFeeds_WithVersion8AndVariantBits()
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes("cdar\n\nx"))[..16];
        expected[6] = (byte)((expected[6] & 0x0F) | 0x80);
        expected[8] = (byte)((expected[8] & 0x3F) | 0x80);

        var id = DerivedIds.From("cdar", null, "x");

        Assert.Equal(expected, id.ToByteArray(bigEndian: true));
        Assert.Equal(8, id.Version);
    }
}
