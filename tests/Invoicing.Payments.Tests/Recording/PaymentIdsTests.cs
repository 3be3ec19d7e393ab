namespace Invoicing.Payments.Tests.Recording;

public sealed class PaymentIdsTests
{
    [Fact]
    public void For_IsPinned_SoAPaymentReportedAfterAnUpgradeIsStillRecognised()
    {
        Assert.Equal(PinnedId(), PaymentIds.For("stripe", "pi_3MtwBwLkdIwHu7ix28a3tqPa"));
    }

    [Fact]
    public void For_IsAVersion8UuidWithTheRfcVariant()
    {
        var bytes = PaymentIds.For("stripe", "pi_1").ToByteArray(bigEndian: true);

        Assert.Equal(0x80, bytes[6] & 0xF0);
        Assert.Equal(0x80, bytes[8] & 0xC0);
    }

    [Fact]
    public void For_TellsProvidersAndPaymentsApart()
    {
        Assert.NotEqual(PaymentIds.For("stripe", "pi_1"), PaymentIds.For("stripe", "pi_2"));
        Assert.NotEqual(PaymentIds.For("stripe", "pi_1"), PaymentIds.For("mollie", "pi_1"));
        // The separator keeps "a" + "b\nc" apart from "a\nb" + "c".
        Assert.NotEqual(PaymentIds.For("a", "b c"), PaymentIds.For("a b", "c"));
    }

    [Theory]
    [InlineData("", "pi_1")]
    [InlineData("stripe", " ")]
    public void For_EmptyPart_IsRefused(string provider, string paymentId)
    {
        Assert.ThrowsAny<ArgumentException>(() => PaymentIds.For(provider, paymentId));
    }

    /// <summary>Computed independently of the production code: SHA-256, first 16 bytes, version 8, RFC variant.</summary>
    private static Guid PinnedId()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("invoicing-payment\nstripe\npi_3MtwBwLkdIwHu7ix28a3tqPa"u8);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
