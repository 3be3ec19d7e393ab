using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Core.Tests.Issuing;

/// <summary>An invoice priced with VAT included goes through issue, archive, credit and payment like any other.</summary>
public sealed class VatInclusiveIssuingTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 2, 10, 0));
    private readonly IInvoiceStore _store = InvoiceStores.CreateInMemory();

    private static Invoice B2c() => InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-b2c-vat-inclusive.json")));

    [Fact]
    public async Task IssueAsync_B2cDraft_StoresItsTotalsAndKeepsTheArchiveIntact()
    {
        var service = new InvoicingService(_store, _clock);

        var issued = await service.IssueAsync(B2c());

        Assert.Equal(34.06m, issued.Totals.TaxInclusiveAmount);
        Assert.True(issued.Document.PricesIncludeVat);
        Assert.Equal(issued, await _store.GetAsync(issued.Number));
        Assert.True((await _store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task CreditAsync_WholeB2cInvoice_CreditsTheSumOfThePricesAndSettlesIt()
    {
        var service = new InvoicingService(_store, _clock);
        var issued = await service.IssueAsync(B2c());

        var credit = await service.CreditAsync(issued.Number, "Commande annulée");

        Assert.True(credit.Document.PricesIncludeVat);
        Assert.Equal(issued.Totals.TaxInclusiveAmount, credit.Totals.TaxInclusiveAmount);
        Assert.Equal(0m, (await _store.GetAccountAsync(issued.Number))!.Balance);
    }

    [Fact]
    public async Task RecordPaymentAsync_TheSumOfThePrices_PaysTheInvoiceInFull()
    {
        var service = new InvoicingService(_store, _clock);
        var issued = await service.IssueAsync(B2c());

        var account = await service.RecordPaymentAsync(issued.Number, 34.06m, PaymentMethod.Card);

        Assert.Equal(0m, account.Balance);
        Assert.Equal(InvoiceStatus.Paid, account.Status);
    }
}
