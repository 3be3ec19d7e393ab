using Invoicing.Core;
using Invoicing.Pdf.Components;

namespace Invoicing.Pdf.Tests.Components;

public sealed class EpcQrPayloadTests
{
    [Fact]
    public void For_SepaInvoiceInEuros_WritesTheEpcLines()
    {
        var invoice = TestInvoices.Sample();
        var payload = EpcQrPayload.For(invoice, 1187.48m);

        Assert.Equal(
            ["BCD", "002", "1", "SCT", "AGRIFRPPXXX", "Atelier Lumière SAS", "FR7630006000011234567890189", "EUR1187.48", "", "", "F2026-00042"],
            payload!.Split('\n'));
    }

    [Fact]
    public void For_OtherCurrency_GivesNoPayload()
    {
        Assert.Null(EpcQrPayload.For(TestInvoices.Sample() with { Currency = Currency.Usd }, 10m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1_000_000_000)]
    public void For_AmountOutsideTheEpcRange_GivesNoPayload(decimal amount)
    {
        Assert.Null(EpcQrPayload.For(TestInvoices.Sample(), amount));
    }

    [Fact]
    public void For_NoIban_GivesNoPayload()
    {
        Assert.Null(EpcQrPayload.For(TestInvoices.Sample() with { PaymentInstructions = null }, 10m));
    }
}
