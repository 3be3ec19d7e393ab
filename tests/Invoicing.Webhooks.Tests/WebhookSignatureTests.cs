using System.Text;
using NodaTime;

namespace Invoicing.Webhooks.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_4f9c1e0b7a2d48e6b3c5a91f07d2e8c4";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"7c1d","type":"paid"}""");
    private static readonly Instant Now = Instant.FromUnixTimeSeconds(1_790_000_000);

    [Fact]
    public void Sign_KnownVector_MatchesTheSchemeText()
    {
        // Computed with: printf '%s' '1790000000.{"id":"7c1d","type":"paid"}' | openssl dgst -sha256 -hmac "$secret"
        Assert.Equal("t=1790000000,v1=" + ReferenceHex, WebhookSignature.Sign(Secret, 1_790_000_000, Body));
    }

    [Fact]
    public void Verify_SignedNow_True() =>
        Assert.True(WebhookSignature.Verify(Secret, WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body), Body, Now, WebhookSignature.DefaultTolerance));

    [Fact]
    public void Verify_BodyChanged_False()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes("""{"id":"7c1d","type":"issued"}"""), Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_OtherSecret_False() =>
        Assert.False(WebhookSignature.Verify(Secret + "x", WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body), Body, Now, WebhookSignature.DefaultTolerance));

    [Fact]
    public void Verify_ReplayedAfterTheTolerance_False()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now.Plus(Duration.FromMinutes(5)), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now.Plus(Duration.FromMinutes(5) + Duration.FromSeconds(1)), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_TimestampChangedWithTheSameSignature_False()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body).Replace("t=1790000000", "t=1790000001", StringComparison.Ordinal);

        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=" + ReferenceHex)]
    [InlineData("t=1790000000")]
    [InlineData("t=1790000000,v1=zz")]
    [InlineData("t=99999999999999999999,v1=" + ReferenceHex)]
    [InlineData("t=-5,v1=" + ReferenceHex)]
    public void Verify_MalformedHeader_FalseWithoutThrowing(string? header) =>
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now, WebhookSignature.DefaultTolerance));

    [Fact]
    public void Verify_SeveralSignatures_AnyMatchingOneVerifies()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body) + ",v1=" + new string('0', 64);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    private const string ReferenceHex = "573eda11afffadf8ce90c6087c07460e26819e5e2790d851dcf200c42b10f66a";
}
