using System.Diagnostics;
using System.Text;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests.Webhooks;

/// <summary>The XP Z12-013 webhook signature: SHA-256 of "body@timestamp", HMAC-SHA256 with the signing key, base64.</summary>
public sealed class FlowWebhookSignatureTests
{
    private const string Key = "YSAyNTYtYml0IHNpZ25pbmcga2V5IGZvciB0ZXN0cyE="; // base64 of "a 256-bit signing key for tests!"
    private const long Timestamp = 1796000000;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"flowId":"f-1","name":"a.xml","flowSyntax":"CII","flowProfile":"CIUS","processingRule":"B2B","submittedAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:05:00Z","flowType":"CustomerInvoice","processingRuleSource":"Computed","flowDirection":"Out","acknowledgement":{"status":"Error","details":[{"level":"Error","item":"file","reasonCode":"InvalidSchema","reasonMessage":"BR-FR-01"}]}}""");
    private static readonly Instant SignedAt = Instant.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Sign_MatchesOpenSsl()
    {
        // The fingerprint and the MAC computed by openssl, independently of .NET.
        var keyHex = Convert.ToHexString(Convert.FromBase64String(Key));
        var expected = Shell($"printf '%s@%s' \"$BODY\" {Timestamp} | openssl dgst -sha256 -binary | openssl dgst -sha256 -mac HMAC -macopt hexkey:{keyHex} -binary | base64", Encoding.UTF8.GetString(Body));

        Assert.Equal(expected, FlowWebhookSignature.Sign(Key, Timestamp, Body));
    }

    [Fact]
    public void Verify_Genuine_True()
    {
        var signature = FlowWebhookSignature.Sign(Key, Timestamp, Body);

        Assert.True(FlowWebhookSignature.Verify(Key, signature, "1796000000", Body, SignedAt + Duration.FromMinutes(4), FlowWebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_TamperedBodyOtherKeyOrStale_False()
    {
        var signature = FlowWebhookSignature.Sign(Key, Timestamp, Body);
        var tampered = (byte[])Body.Clone();
        tampered[12] ^= 1;

        Assert.False(FlowWebhookSignature.Verify(Key, signature, "1796000000", tampered, SignedAt, FlowWebhookSignature.DefaultTolerance));
        Assert.False(FlowWebhookSignature.Verify(Convert.ToBase64String(new byte[32]), signature, "1796000000", Body, SignedAt, FlowWebhookSignature.DefaultTolerance));
        Assert.False(FlowWebhookSignature.Verify(Key, signature, "1796000001", Body, SignedAt, FlowWebhookSignature.DefaultTolerance));
        Assert.False(FlowWebhookSignature.Verify(Key, signature, "1796000000", Body, SignedAt + Duration.FromMinutes(6), FlowWebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null, "1796000000")]
    [InlineData("", "1796000000")]
    [InlineData("not base64!", "1796000000")]
    [InlineData("AAAA", "1796000000")]
    [InlineData("valid", null)]
    [InlineData("valid", "-5")]
    [InlineData("valid", "99999999999999999999999")]
    [InlineData("valid", "12ab")]
    public void Verify_MalformedHeaders_FalseNeverThrows(string? signature, string? timestamp)
    {
        var header = signature == "valid" ? FlowWebhookSignature.Sign(Key, Timestamp, Body) : signature;

        Assert.False(FlowWebhookSignature.Verify(Key, header, timestamp, Body, SignedAt, FlowWebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Parse_Notification_TheFlowWithItsReasons()
    {
        var flow = FlowNotification.Parse(Body);

        Assert.Equal("f-1", flow.FlowId);
        Assert.Equal(FlowAckStatus.Error, flow.AckStatus);
        Assert.Equal("InvalidSchema: BR-FR-01", flow.ErrorReasons);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 10, 5), flow.UpdatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"flowId":"f-1"}""")]
    [InlineData("""{"flowId":"f-1","flowSyntax":"PDF","acknowledgement":{"status":"Ok"}}""")]
    public void Parse_NotAFlow_TypedError(string body)
    {
        var e = Assert.Throws<InvoiceValidationException>(() => FlowNotification.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("PA-WEBHOOK-BODY", Assert.Single(e.Issues).RuleId);
    }

    private static string Shell(string script, string body)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true };
        start.Environment["BODY"] = body;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
