using Invoicing.Core.Tests.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Core.Tests.Issuing;

public sealed class InvoicingServiceTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 2, 23, 30));
    private readonly IInvoiceStore _store = InvoiceStores.CreateInMemory();

    private InvoicingService Service(InvoicingOptions? options = null) => new(_store, _clock, options);

    private static Invoice FrenchDraft() => LifecycleFixtures.Draft() with
    {
        BusinessProcessType = FrenchBillingMode.M1,
        Notes =
        [
            new InvoiceNote("Pénalités de retard : taux BCE + 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
        ],
        PaymentTerms = "30 jours date de facture",
    };

    [Fact]
    public async Task IssueAsync_ValidDraft_GetsTheFirstNumberOfTheYearAndItsTotals()
    {
        var issued = await Service().IssueAsync(FrenchDraft());

        Assert.Equal("F2026-00001", issued.Number);
        Assert.Equal(1187.48m, issued.Totals.AmountDue);
        Assert.Equal(_clock.GetCurrentInstant(), issued.IssuedAt);
        Assert.Equal(issued, await _store.GetAsync("F2026-00001"));
    }

    [Fact]
    public async Task IssueAsync_InvalidDraft_ThrowsEveryErrorAndStoresNothing()
    {
        var draft = FrenchDraft() with { Lines = [], Seller = FrenchDraft().Seller with { LegalId = null } };

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => Service().IssueAsync(draft));

        Assert.Contains(exception.Issues, i => i.RuleId == "BR-16");
        Assert.All(exception.Issues, i => Assert.Equal(ValidationSeverity.Error, i.Severity));
        Assert.Empty(await _store.QueryAsync(InvoiceQuery.All).ToListAsync());
        Assert.Equal("F2026-00001", (await Service().IssueAsync(FrenchDraft())).Number);
    }

    [Fact]
    public async Task IssueDraftAsync_SavedDraft_IsIssuedAndTheDraftGone()
    {
        var id = await _store.SaveDraftAsync(FrenchDraft());

        var issued = await Service().IssueDraftAsync(id);

        Assert.Equal("F2026-00001", issued.Number);
        Assert.Null(await _store.GetDraftAsync(id));
    }

    [Fact]
    public async Task IssueDraftAsync_UnknownDraft_NamesTheRule()
    {
        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => Service().IssueDraftAsync(DraftId.New()));

        Assert.Equal("INV-DRAFT-UNKNOWN", Assert.Single(exception.Issues).RuleId);
    }

    [Fact]
    public async Task CreditAsync_Whole_IsNumberedInTheCreditNoteSeriesDatedTodayInParisAndSettlesTheInvoice()
    {
        var service = Service();
        await service.IssueAsync(FrenchDraft());

        var credit = await service.CreditAsync("F2026-00001", "Commande annulée");

        Assert.Equal("AV2026-00001", credit.Number);
        Assert.Equal(new LocalDate(2026, 11, 3), credit.Document.IssueDate); // 23:30 UTC is already the 3rd in Paris
        var account = await _store.GetAccountAsync("F2026-00001");
        Assert.Equal(0m, account!.Balance);
        Assert.Equal(InvoiceStatus.Credited, account.Status);
    }

    [Fact]
    public async Task CreditAsync_PartThenPayment_LeavesTheRightBalance()
    {
        var service = Service();
        await service.IssueAsync(FrenchDraft());

        await service.CreditAsync("F2026-00001", [new CreditedLine("3", 2m)]);
        var account = await service.RecordPaymentAsync("F2026-00001", 1000m, PaymentMethod.CreditTransfer, reference: "VIR-1");

        // 1187.48 - (28.40 + 1.56) - 1000
        Assert.Equal(157.52m, account.Balance);
        Assert.Equal(InvoiceStatus.PartiallyPaid, account.Status);
        Assert.Equal(new LocalDate(2026, 11, 3), account.Payments[0].Date);
    }

    [Fact]
    public async Task WriteOffAsync_PartlyPaid_ClosesTheAccountDatedTodayInTheBusinessTimeZone()
    {
        var service = Service();
        await service.IssueAsync(FrenchDraft());
        await service.RecordPaymentAsync("F2026-00001", 1000m, PaymentMethod.CreditTransfer);

        var account = await service.WriteOffAsync("F2026-00001", "Liquidation judiciaire");

        Assert.Equal(new AppliedWriteOff(new LocalDate(2026, 11, 3), 187.48m, "Liquidation judiciaire"), account.WriteOff);
        Assert.Equal(InvoiceStatus.WrittenOff, account.Status);
        Assert.Equal(account, await _store.GetAccountAsync("F2026-00001"));
    }

    [Fact]
    public async Task CreditAsync_UnknownInvoice_NamesTheRule()
    {
        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => Service().CreditAsync("F2026-99999"));

        Assert.Equal("INV-UNKNOWN", Assert.Single(exception.Issues).RuleId);
    }

    [Fact]
    public void Constructor_UnknownTimeZone_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Service(new InvoicingOptions { TimeZone = "Mars/Olympus" }));

    [Fact]
    public async Task AddInvoicing_WithInMemoryStore_ResolvesAWorkingService()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddInvoicing(o => o.InvoiceSeries = new NumberSeries("main", "FA-{seq:000000}")).UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();

        var issued = await provider.GetRequiredService<InvoicingService>().IssueAsync(FrenchDraft());

        Assert.Equal("FA-000001", issued.Number);
    }
}
