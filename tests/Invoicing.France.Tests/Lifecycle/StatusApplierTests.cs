using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests;

/// <summary>A received status of each kind changes the invoice as the French lifecycle says, on the real SQLite store.</summary>
public sealed class StatusApplierTests : IAsyncLifetime
{
    private readonly SqliteInvoices _db = new();
    private IssuedInvoice _invoice = null!;

    public async Task InitializeAsync() => _invoice = await _db.IssueAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private StatusApplier Applier => new(_db.Store, _db.Events, _db.Dunning);

    private CdarMessage About(LifecycleStatus status, params StatusReason[] reasons)
    {
        var message = CdarSamples.For(status, reasons);
        return message with { Reports = [message.Reports[0] with { InvoiceNumber = _invoice.Number, InvoiceIssueDate = _invoice.Document.IssueDate }] };
    }

    private static CdarMessage WithAmounts(CdarMessage message, params StatusAmount[] amounts) =>
        message with { Reports = [message.Reports[0] with { Amounts = amounts }] };

    private async Task<IReadOnlyList<InvoiceEvent>> PlatformStatusesAsync() =>
        (await _db.EventsAsync()).Where(e => e.Kind == InvoiceEventKind.PlatformStatus).ToList();

    [Fact]
    public async Task ApplyAsync_CashedTwice_RecordsThePaymentAndTheStatusOnce()
    {
        var due = _invoice.Totals.AmountDue;
        var message = WithAmounts(About(LifecycleStatus.Cashed), new StatusAmount(StatusAmountTypes.Cashed, due - 100m, Currency.Eur, 20m), new StatusAmount(StatusAmountTypes.Cashed, 100m, Currency.Eur, 5.5m));

        var first = await Applier.ApplyAsync(message);
        var second = await Applier.ApplyAsync(CdarReader.Read(CdarWriter.ToBytes(message)));

        Assert.Equal((StatusEffect.PaymentRecorded, false), (first.Statuses[0].Effect, first.Statuses[0].AlreadyApplied));
        Assert.Equal((StatusEffect.PaymentRecorded, true), (second.Statuses[0].Effect, second.Statuses[0].AlreadyApplied));
        var account = await _db.Store.GetAccountAsync(_invoice.Number);
        var payment = Assert.Single(account!.Payments);
        Assert.Equal((due, new LocalDate(2026, 9, 14), 0m), (payment.Amount, payment.Date, account.Balance));
        Assert.Equal("212", Assert.Single(await PlatformStatusesAsync()).Data["code"]);
        Assert.Single(await _db.EventsAsync(), e => e.Kind == InvoiceEventKind.Paid);
    }

    [Fact]
    public async Task ApplyAsync_CashedWithoutAmount_PaysWhatRemains()
    {
        await _db.Store.RecordPaymentAsync(new Payment(Guid.NewGuid(), _invoice.Number, new LocalDate(2026, 11, 10), 100m, PaymentMethod.CreditTransfer));

        await Applier.ApplyAsync(WithAmounts(About(LifecycleStatus.Cashed)));

        var account = await _db.Store.GetAccountAsync(_invoice.Number);
        Assert.Equal(0m, account!.Balance);
        Assert.Equal(_invoice.Totals.AmountDue - 100m, account.Payments[^1].Amount);
    }

    [Fact]
    public async Task ApplyAsync_CashedAboveTheBalance_NotAppliedNamingTheRuleAndNothingChanged()
    {
        var message = WithAmounts(About(LifecycleStatus.Cashed), new StatusAmount(StatusAmountTypes.Cashed, _invoice.Totals.AmountDue + 1m, Currency.Eur, 20m));

        var result = await Applier.ApplyAsync(message);

        var applied = Assert.Single(result.Statuses);
        Assert.Equal(StatusEffect.NotApplied, applied.Effect);
        Assert.Equal(("FR-STATUS-PAYMENT", "reports[0].amounts"), (applied.Problem!.RuleId, applied.Problem.Path));
        Assert.Contains("above the balance", applied.Problem.Message, StringComparison.Ordinal);
        Assert.Empty((await _db.Store.GetAccountAsync(_invoice.Number))!.Payments);
        Assert.Empty(await PlatformStatusesAsync());
    }

    [Fact]
    public async Task ApplyAsync_CrashAfterThePaymentBeforeTheEvent_RepeatRecordsTheEventAndNoSecondPayment()
    {
        var message = WithAmounts(About(LifecycleStatus.Cashed), new StatusAmount(StatusAmountTypes.Cashed, 50m, Currency.Eur, 20m));
        await _db.Store.RecordPaymentAsync(new Payment(StatusIds.Payment(message, 0), _invoice.Number, new LocalDate(2026, 9, 14), 50m, PaymentMethod.Other));

        var result = await Applier.ApplyAsync(message);

        Assert.Equal((StatusEffect.PaymentRecorded, false), (result.Statuses[0].Effect, result.Statuses[0].AlreadyApplied));
        Assert.Single((await _db.Store.GetAccountAsync(_invoice.Number))!.Payments);
        Assert.Single(await PlatformStatusesAsync());
    }

    [Theory]
    [InlineData(LifecycleStatus.Disputed, "QTE_ERR: 12 livrés, 15 facturés.")]
    [InlineData(LifecycleStatus.Suspended, "JUSTIF_ABS: Bon de livraison manquant.")]
    [InlineData(LifecycleStatus.Refused, "CMD_ERR: Le bon de commande 4512 ne correspond pas.")]
    public async Task ApplyAsync_DisputedSuspendedOrRefused_PausesRemindersAndRecordsTheReason(LifecycleStatus status, string reason)
    {
        var first = await Applier.ApplyAsync(About(status));
        var again = await Applier.ApplyAsync(About(status));

        Assert.Equal(StatusEffect.RemindersPaused, first.Statuses[0].Effect);
        Assert.True(again.Statuses[0].AlreadyApplied);
        Assert.True((await _db.Dunning.GetInvoiceAsync(_invoice.Number))!.Disputed);
        var recorded = Assert.Single(await PlatformStatusesAsync());
        Assert.Equal((LifecycleStatuses.Code(status), LifecycleStatuses.FrenchName(status), reason), (recorded.Data["code"], recorded.Data["name"], recorded.Data["reason"]));
        Assert.Single(await _db.EventsAsync(), e => e.Kind == InvoiceEventKind.Disputed);
        Assert.Equal(_invoice.Totals.AmountDue, (await _db.Store.GetAccountAsync(_invoice.Number))!.Balance);
    }

    [Fact]
    public async Task ApplyAsync_PausedUntilADate_KeepsTheDateWhenDisputed()
    {
        await _db.Dunning.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = _invoice.Number, PausedUntil = new LocalDate(2027, 1, 15) });

        await Applier.ApplyAsync(About(LifecycleStatus.Refused));

        Assert.Equal(new DunningInvoiceSettings { InvoiceNumber = _invoice.Number, Disputed = true, PausedUntil = new LocalDate(2027, 1, 15) }, await _db.Dunning.GetInvoiceAsync(_invoice.Number));
    }

    [Fact]
    public async Task ApplyAsync_Rejected_ReportsThePlatformsReasonAndChangesNothingElse()
    {
        var result = await Applier.ApplyAsync(About(LifecycleStatus.Rejected));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("FR-STATUS-REJECTED", "reports[0]"), (rejection.Problem!.RuleId, rejection.Problem.Path));
        Assert.Contains("DOUBLON: Facture déjà reçue.", rejection.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("credit note", rejection.Problem.Message, StringComparison.Ordinal);
        var error = Assert.Throws<InvoiceValidationException>(result.ThrowIfRejected);
        Assert.Equal("FR-STATUS-REJECTED", Assert.Single(error.Issues).RuleId);
        Assert.Equal("213", Assert.Single(await PlatformStatusesAsync()).Data["code"]);
        Assert.Null(await _db.Dunning.GetInvoiceAsync(_invoice.Number));
        Assert.Equal(_invoice, await _db.Store.GetAsync(_invoice.Number));
    }

    [Fact]
    public async Task ApplyAsync_Inadmissible_ReportedAsARejectionWithTheReason()
    {
        var rejection = Assert.Single((await Applier.ApplyAsync(About(LifecycleStatus.Inadmissible))).Rejections);

        Assert.Contains("inadmissible", rejection.Problem!.Message, StringComparison.Ordinal);
        Assert.Contains("IRR_SYNTAX", rejection.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LifecycleStatus.Deposited)]
    [InlineData(LifecycleStatus.IssuedByPlatform)]
    [InlineData(LifecycleStatus.ReceivedByPlatform)]
    [InlineData(LifecycleStatus.MadeAvailable)]
    [InlineData(LifecycleStatus.TakenOver)]
    [InlineData(LifecycleStatus.Approved)]
    [InlineData(LifecycleStatus.PartiallyApproved)]
    [InlineData(LifecycleStatus.PaymentSent)]
    [InlineData(LifecycleStatus.Completed)]
    [InlineData(LifecycleStatus.Cancelled)]
    [InlineData(LifecycleStatus.Factored)]
    public async Task ApplyAsync_OtherStatus_RecordedOnly(LifecycleStatus status)
    {
        var result = await Applier.ApplyAsync(About(status));

        Assert.Equal(StatusEffect.Recorded, Assert.Single(result.Statuses).Effect);
        var recorded = Assert.Single(await PlatformStatusesAsync());
        Assert.Equal((LifecycleStatuses.Code(status), "CDAR-" + LifecycleStatuses.Code(status) + "-0001", CdarSamples.IssuedAt), (recorded.Data["code"], recorded.Data["messageId"], recorded.OccurredAt));
        Assert.Empty((await _db.Store.GetAccountAsync(_invoice.Number))!.Payments);
        Assert.Null(await _db.Dunning.GetInvoiceAsync(_invoice.Number));
    }

    [Fact]
    public async Task ApplyAsync_UnknownInvoice_NotAppliedAndNothingRecorded()
    {
        var message = CdarSamples.For(LifecycleStatus.Cashed);

        var applied = Assert.Single((await Applier.ApplyAsync(message)).Statuses);

        Assert.Equal((StatusEffect.NotApplied, "FR-STATUS-INVOICE-UNKNOWN"), (applied.Effect, applied.Problem!.RuleId));
        Assert.Empty(await PlatformStatusesAsync());
    }

    [Fact]
    public async Task ApplyAsync_SameMessageIdFromAnotherSender_IsAnotherStatus()
    {
        var message = About(LifecycleStatus.Approved);

        await Applier.ApplyAsync(message);
        var other = await Applier.ApplyAsync(message with { Sender = CdarParty.Platform("0777") });

        Assert.False(other.Statuses[0].AlreadyApplied);
        Assert.Equal(2, (await PlatformStatusesAsync()).Count);
    }
}
