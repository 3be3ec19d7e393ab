using System.Text;
using System.Text.Json;
using NodaTime;
using Invoicing.Core.Tests.Lifecycle;

namespace Invoicing.Core.Tests.Events;

public sealed class InvoiceEventsTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 14, 30, 5);

    [Fact]
    public void Kinds_EveryKindHasADistinctNameThatParsesBack()
    {
        var kinds = Enum.GetValues<InvoiceEventKind>();

        Assert.Equal(11, kinds.Length);
        Assert.Equal("platform_status", InvoiceEventKinds.Name(InvoiceEventKind.PlatformStatus));
        Assert.Equal(kinds.Length, kinds.Select(InvoiceEventKinds.Name).Distinct().Count());
        Assert.All(kinds, kind => Assert.True(InvoiceEventKinds.TryParse(InvoiceEventKinds.Name(kind), out var parsed) && parsed == kind));
        Assert.False(InvoiceEventKinds.TryParse("Paid", out _));
        Assert.Throws<InvoiceFormatException>(() => InvoiceEventKinds.Parse("refunded"));
        Assert.Throws<ArgumentOutOfRangeException>(() => InvoiceEventKinds.Name((InvoiceEventKind)99));
    }

    [Theory]
    [InlineData(100, InvoiceEventKind.PartlyPaid, "1087.48")]
    [InlineData(1187.48, InvoiceEventKind.Paid, "0.00")]
    public void Paid_KindFromTheBalanceAfter(decimal amount, InvoiceEventKind kind, string balance)
    {
        var payment = new Payment(Guid.NewGuid(), "F2026-00001", new LocalDate(2026, 11, 20), amount, PaymentMethod.Card);
        var after = new InvoiceAccount { Invoice = LifecycleFixtures.Issued(), Payments = [payment] };

        var paid = InvoiceEvents.Paid(after, payment, At);

        Assert.Equal(kind, paid.Kind);
        Assert.Equal(amount, paid.Amount);
        Assert.Equal(balance, paid.Data["balance"]);
        Assert.Equal("Card", paid.Data["method"]);
        Assert.Equal(At, paid.OccurredAt);
    }

    [Fact]
    public void Serialize_GivesTheDocumentedShape()
    {
        var invoiceEvent = new InvoiceEvent
        {
            Id = Guid.Parse("6f1c2a9e-7a43-4b0e-9d1e-3c2b1a0f9e8d"),
            Position = 42,
            Kind = InvoiceEventKind.WrittenOff,
            InvoiceNumber = "F2026-00001",
            CustomerKey = "987654324",
            Currency = Currency.Eur,
            Amount = 150.50m,
            OccurredAt = At,
            Data = new Dictionary<string, string> { ["reason"] = "Liquidation \"judiciaire\"", ["date"] = "2027-02-01" },
        };

        var json = Encoding.UTF8.GetString(InvoiceEventJson.Serialize(invoiceEvent));

        Assert.Equal(
            """{"id":"6f1c2a9e-7a43-4b0e-9d1e-3c2b1a0f9e8d","position":42,"type":"written_off","invoiceNumber":"F2026-00001","customerKey":"987654324","currency":"EUR","amount":150.50,"occurredAt":"2026-11-20T14:30:05Z","data":{"date":"2027-02-01","reason":"Liquidation \u0022judiciaire\u0022"}}""",
            json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("Liquidation \"judiciaire\"", parsed.RootElement.GetProperty("data").GetProperty("reason").GetString());
    }

    [Fact]
    public void Serialize_NoAmount_WritesNull()
    {
        var sent = InvoiceEvents.Sent(LifecycleFixtures.Issued(), At, "email");

        using var parsed = JsonDocument.Parse(InvoiceEventJson.Serialize(sent));

        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("amount").ValueKind);
        Assert.Equal("email", parsed.RootElement.GetProperty("data").GetProperty("channel").GetString());
    }

    [Fact]
    public void Data_RoundTrips_AndBadTextIsAFormatError()
    {
        var data = new Dictionary<string, string> { ["b"] = "2", ["a"] = "é\n\"" };

        var json = InvoiceEventJson.SerializeData(data);

        Assert.StartsWith("{\"a\":", json, StringComparison.Ordinal);
        Assert.Equal(data, InvoiceEventJson.DeserializeData(json));
        Assert.Empty(InvoiceEventJson.DeserializeData("{}"));
        Assert.Throws<InvoiceFormatException>(() => InvoiceEventJson.DeserializeData("[1]"));
        Assert.Throws<InvoiceFormatException>(() => InvoiceEventJson.DeserializeData("{\"a\":1}"));
        Assert.Throws<InvoiceFormatException>(() => InvoiceEventJson.DeserializeData("{"));
    }

    [Fact]
    public void CheckNotice_BlankOrLongDetail_RefusedNamingTheField()
    {
        var blank = Assert.Throws<InvoiceValidationException>(() => InvoiceEvents.CheckNotice("F1", " ", "channel"));
        var tooLong = Assert.Throws<InvoiceValidationException>(() => InvoiceEvents.CheckNotice("F1", new string('x', 201), "source"));

        Assert.Contains(blank.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "channel");
        Assert.Contains(tooLong.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "source");
        InvoiceEvents.CheckNotice("F1", null, "channel");
        InvoiceEvents.CheckNotice("F1", new string('x', 200), "channel");
    }
}
