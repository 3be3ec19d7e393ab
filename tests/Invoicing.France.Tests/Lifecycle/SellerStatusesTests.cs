using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests;

public sealed class SellerStatusesTests
{
    private static IssuedInvoice Issued()
    {
        var document = SqliteInvoices.Sample() with { Number = "F2026-00042" };
        return new IssuedInvoice { Document = document, Totals = InvoiceCalculator.Calculate(document), SeriesId = "invoices", Sequence = 42, IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0), Hash = "h", PreviousHash = "p" };
    }

    [Fact]
    public void Cashed_PartPayment_SplitsItOverTheVatRatesAndValidates()
    {
        var invoice = Issued();
        var payment = new Payment(Guid.NewGuid(), invoice.Number, new LocalDate(2026, 12, 1), 500m, PaymentMethod.CreditTransfer);

        var message = SellerStatuses.Cashed(invoice, payment, payment.Id.ToString("N"), Instant.FromUtc(2026, 12, 1, 10, 0));

        var report = Assert.Single(message.Reports);
        Assert.Equal((LifecycleStatus.Cashed, "380", CdarRoles.Seller, "123456782"), (report.Status, report.DocumentTypeCode, message.Issuer.Role, message.Issuer.Id!.Value.Value));
        Assert.Equal([5.5m, 20m], report.Amounts.Select(a => a.VatRate!.Value));
        Assert.All(report.Amounts, a => Assert.Equal(StatusAmountTypes.Cashed, a.Type));
        Assert.Equal(500m, report.Amounts.Sum(a => a.Amount));
        Assert.True(CdarWriter.Validate(message).IsValid);
        Assert.Equal("987654324", message.Recipients[0].Id!.Value.Value);
    }

    [Fact]
    public void Cashed_SellerWithoutSiren_RefusedNamingTheField()
    {
        var invoice = Issued();
        invoice = invoice with { Document = invoice.Document with { Seller = invoice.Document.Seller with { LegalId = null } } };

        var error = Assert.Throws<InvoiceValidationException>(() => SellerStatuses.Cashed(invoice, new Payment(Guid.NewGuid(), invoice.Number, new LocalDate(2026, 12, 1), 1m, PaymentMethod.Other), "m1", Instant.FromUtc(2026, 12, 1, 10, 0)));

        Assert.Equal(("FR-STATUS-SELLER-ID", "seller.legalId"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Property(MaxTest = 300)]
    public bool Split_AnyPaymentOverAnyRates_AddsUpToThePaymentInWholeCents(PositiveInt cents, NonEmptyArray<PositiveInt> grossCents)
    {
        var rates = new[] { 20m, 10m, 5.5m, 2.1m, 0m };
        var rows = grossCents.Get.Take(5).Select((g, i) => new VatBreakdown(VatCategory.S, rates[i], g.Get / 100m, 0m)).ToArray();
        var totals = Issued().Totals with { VatBreakdown = rows.ToValueList() };
        var paid = cents.Get / 100m;

        var shares = CashedAmounts.Split(totals, paid, Currency.Eur);

        return shares.Sum(s => s.Amount) == paid && shares.All(s => Currency.Eur.IsRounded(s.Amount)) && shares.Select(s => s.Rate).Distinct().Count() == shares.Count;
    }
}
