using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

/// <summary>For any computable invoice: what is written reads back equal, and the written totals are the calculator's.</summary>
public sealed class CiiRoundTripProperties
{
    private static readonly decimal[] Rates = [20m, 10m, 5.5m, 2.1m, 0m];

    [Property(MaxTest = 200)]
    public bool Write_AnyLinesAndAllowances_ReadsBackEqualWithCalculatorTotals(NonEmptyArray<int> priceCents, int quantitySeed, int allowanceCents, bool charge)
    {
        var lines = priceCents.Get.Take(40).Select((cents, i) => new InvoiceLine
        {
            Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ItemName = "Item",
            Quantity = ((quantitySeed + i) % 2000) / 8m,
            UnitCode = "C62",
            NetPrice = cents / 1000m,
            BaseQuantity = i % 3 == 0 ? 1m + (i % 5) : null,
            VatCategory = Rates[Math.Abs(cents % Rates.Length)] == 0m ? VatCategory.Z : VatCategory.S,
            VatRate = Rates[Math.Abs(cents % Rates.Length)],
        }).ToValueList();
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with
        {
            Lines = lines,
            AllowancesCharges = allowanceCents == 0 ? [] : [new AllowanceCharge { IsCharge = charge, Amount = Math.Abs(allowanceCents % 100_000) / 100m, VatCategory = VatCategory.S, VatRate = 20m, Reason = "x" }],
        };

        var document = EInvoiceReader.Read(CiiWriter.ToBytes(invoice));

        return document.Invoice == invoice && document.StatedTotals == InvoiceCalculator.Calculate(invoice);
    }
}
