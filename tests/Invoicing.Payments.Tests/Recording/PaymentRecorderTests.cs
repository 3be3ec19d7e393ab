using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments.Tests.Recording;

/// <summary>The recorder over a real SQLite store: each payment once, refusals that change nothing.</summary>
public sealed class PaymentRecorderTests
{
    [Fact]
    public async Task RecordAsync_NewPayment_RecordsItWithTheDerivedIdAndTheProvidersReference()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m));

        Assert.Equal(PaymentRecordingStatus.Recorded, result.Status);
        Assert.Equal(PaymentRefusalReason.None, result.Reason);
        Assert.Null(result.Issue);
        var account = await fixture.AccountAsync(invoice.Number);
        var payment = Assert.Single(account.Payments);
        Assert.Equal(PaymentIds.For("stripe", "pi_1"), payment.Id);
        Assert.Equal(result.PaymentId, payment.Id);
        Assert.Equal("pi_1", payment.Reference);
        Assert.Equal(PaymentMethod.Card, payment.Method);
        Assert.Equal(InvoiceStatus.Paid, account.Status);
        Assert.Equal(account, result.Account);
    }

    [Fact]
    public async Task RecordAsync_DeliveredTwice_RecordsOnePayment()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        var report = PaymentFixtures.Report(invoice.Number, 50m);

        var first = await fixture.Recorder.RecordAsync(report);
        var second = await fixture.Recorder.RecordAsync(report);

        Assert.Equal(PaymentRecordingStatus.Recorded, first.Status);
        Assert.Equal(PaymentRecordingStatus.AlreadyRecorded, second.Status);
        Assert.Equal(first.PaymentId, second.PaymentId);
        var account = await fixture.AccountAsync(invoice.Number);
        Assert.Single(account.Payments);
        Assert.Equal(70m, account.Balance);
    }

    [Fact]
    public async Task RecordAsync_TwoEventsOfOnePayment_RecordOnePayment()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m, eventId: "evt_completed"));
        var second = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m, eventId: "evt_async_succeeded"));

        Assert.Equal(PaymentRecordingStatus.AlreadyRecorded, second.Status);
        Assert.Single((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_FullPaymentReportedAgain_IsAlreadyRecordedNotAboveTheBalance()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m));

        var again = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m, eventId: "evt_2"));

        Assert.Equal(PaymentRecordingStatus.AlreadyRecorded, again.Status);
        Assert.Equal(InvoiceStatus.Paid, again.Account!.Status);
    }

    [Fact]
    public async Task RecordAsync_PartialPayments_LeaveTheBalanceOpenThenAdd()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        var first = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 40m, paymentId: "pi_a"));
        Assert.Equal(80m, first.Account!.Balance);
        Assert.True(first.Account.IsOpen);
        Assert.Equal(InvoiceStatus.PartiallyPaid, first.Account.Status);

        var second = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 50.5m, paymentId: "pi_b"));
        Assert.Equal(PaymentRecordingStatus.Recorded, second.Status);
        Assert.Equal(29.5m, second.Account!.Balance);
        Assert.Equal(2, (await fixture.AccountAsync(invoice.Number)).Payments.Count);
    }

    [Fact]
    public async Task RecordAsync_ConcurrentDeliveriesOfOnePayment_RecordOne()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        var report = PaymentFixtures.Report(invoice.Number, 30m);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => fixture.Recorder.RecordAsync(report))));

        Assert.Single(results, r => r.Status == PaymentRecordingStatus.Recorded);
        Assert.All(results, r => Assert.NotEqual(PaymentRecordingStatus.Refused, r.Status));
        Assert.Equal(90m, (await fixture.AccountAsync(invoice.Number)).Balance);
    }

    [Fact]
    public async Task RecordAsync_ValueDate_IsTheDayInTheBusinessTimeZone()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        // 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
        var report = PaymentFixtures.Report(invoice.Number, 10m) with { ReceivedAt = Instant.FromUtc(2026, 11, 30, 23, 30) };

        await fixture.Recorder.RecordAsync(report);

        Assert.Equal(new LocalDate(2026, 12, 1), Assert.Single((await fixture.AccountAsync(invoice.Number)).Payments).Date);
    }

    [Fact]
    public async Task RecordAsync_UnknownInvoice_IsRefusedAndStoresNothing()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report("F2026-99999", 10m));

        Assert.Equal(PaymentRecordingStatus.Refused, result.Status);
        Assert.Equal(PaymentRefusalReason.UnknownInvoice, result.Reason);
        Assert.Equal("PAY-RECORD-INVOICE-UNKNOWN", result.Issue!.RuleId);
        Assert.Equal("invoiceNumber", result.Issue.Path);
        Assert.Contains("F2026-99999", result.Issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Account);
        Assert.Empty((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_ForeignCurrency_IsRefusedAndStoresNothing()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m, currency: Currency.Usd));

        Assert.Equal(PaymentRefusalReason.CurrencyMismatch, result.Reason);
        Assert.Equal("PAY-RECORD-CURRENCY", result.Issue!.RuleId);
        Assert.Equal("currency", result.Issue.Path);
        Assert.Contains("USD", result.Issue.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", result.Issue.Message, StringComparison.Ordinal);
        Assert.Empty((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_AboveTheOpenBalance_IsRefusedWholeAndStoresNothing()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 100m, paymentId: "pi_a"));

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 30m, paymentId: "pi_b"));

        Assert.Equal(PaymentRecordingStatus.Refused, result.Status);
        Assert.Equal(PaymentRefusalReason.AboveBalance, result.Reason);
        Assert.Equal("INV-PAYMENT-EXCEEDS-BALANCE", result.Issue!.RuleId);
        Assert.Equal("amount", result.Issue.Path);
        Assert.Equal(20m, result.Account!.Balance);
        Assert.Single((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_WrittenOffInvoice_IsRefusedAndStoresNothing()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Store.WriteOffAsync(new WriteOff(invoice.Number, new LocalDate(2026, 11, 20), "Liquidation judiciaire"));

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m));

        Assert.Equal(PaymentRefusalReason.WrittenOff, result.Reason);
        Assert.Equal("INV-PAYMENT-WRITTEN-OFF", result.Issue!.RuleId);
        Assert.Empty((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_CreditNoteNumber_IsRefusedAsNotAnInvoice()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        var credit = await fixture.CreditInFullAsync(invoice);

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report(credit.Number, 10m));

        Assert.Equal(PaymentRefusalReason.NotAnInvoice, result.Reason);
        Assert.Equal("INV-PAYMENT-ON-CREDIT-NOTE", result.Issue!.RuleId);
        Assert.Empty((await fixture.AccountAsync(credit.Number)).Payments);
    }

    public static TheoryData<string, string, string, string, string, decimal, string> Malformed() => new()
    {
        { "PAY-RECORD-PROVIDER", "provider", "", "evt_1", "pi_1", 10m, "EUR" },
        { "PAY-RECORD-PROVIDER", "provider", new string('p', 51), "evt_1", "pi_1", 10m, "EUR" },
        { "PAY-RECORD-PAYMENT-ID", "paymentId", "stripe", "evt_1", " ", 10m, "EUR" },
        { "PAY-RECORD-PAYMENT-ID", "paymentId", "stripe", "evt_1", "pi_\u0000", 10m, "EUR" },
        { "PAY-RECORD-EVENT-ID", "eventId", "stripe", new string('e', 201), "pi_1", 10m, "EUR" },
        { "PAY-RECORD-AMOUNT", "amount", "stripe", "evt_1", "pi_1", 0m, "EUR" },
        { "PAY-RECORD-AMOUNT", "amount", "stripe", "evt_1", "pi_1", -5m, "EUR" },
        { "PAY-RECORD-AMOUNT", "amount", "stripe", "evt_1", "pi_1", 10.001m, "EUR" },
        { "PAY-RECORD-AMOUNT", "amount", "stripe", "evt_1", "pi_1", 10.5m, "JPY" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task RecordAsync_MalformedReport_IsRefusedNamingTheFieldAndStoresNothing(string rule, string path, string provider, string eventId, string paymentId, decimal amount, string currency)
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();

        var result = await fixture.Recorder.RecordAsync(new PaymentReceived(provider, eventId, paymentId, invoice.Number, amount, Currency.FromCode(currency), PaymentFixtures.Start));

        Assert.Equal(PaymentRecordingStatus.Refused, result.Status);
        Assert.Equal(PaymentRefusalReason.Malformed, result.Reason);
        Assert.Equal(rule, result.Issue!.RuleId);
        Assert.Equal(path, result.Issue.Path);
        Assert.Empty((await fixture.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task RecordAsync_NoInvoiceNumber_IsRefusedAsMalformed()
    {
        await using var fixture = new PaymentFixtures();

        var result = await fixture.Recorder.RecordAsync(PaymentFixtures.Report("", 10m));

        Assert.Equal(PaymentRefusalReason.Malformed, result.Reason);
        Assert.Equal("invoiceNumber", result.Issue!.Path);
    }

    [Fact]
    public void ReasonFor_EveryStorePaymentRule_HasItsReason()
    {
        Assert.Equal(PaymentRefusalReason.UnknownInvoice, PaymentRecorder.ReasonFor("INV-PAYMENT-INVOICE-UNKNOWN"));
        Assert.Equal(PaymentRefusalReason.NotAnInvoice, PaymentRecorder.ReasonFor("INV-PAYMENT-ON-CREDIT-NOTE"));
        Assert.Equal(PaymentRefusalReason.WrittenOff, PaymentRecorder.ReasonFor("INV-PAYMENT-WRITTEN-OFF"));
        Assert.Equal(PaymentRefusalReason.AboveBalance, PaymentRecorder.ReasonFor("INV-PAYMENT-EXCEEDS-BALANCE"));
        Assert.Equal(PaymentRefusalReason.Malformed, PaymentRecorder.ReasonFor("INV-PAYMENT-PRECISION"));
    }
}
