using Invoicing.Core;
using NodaTime;

namespace Invoicing.Pdf.Tests;

/// <summary>The reminder letter the tests render.</summary>
internal static class TestLetters
{
    public static ReminderLetter Sample()
    {
        var sample = TestInvoices.Sample();
        return new ReminderLetter
        {
            Seller = sample.Seller,
            Buyer = sample.Buyer,
            Date = new LocalDate(2027, 1, 15),
            Currency = Currency.Eur,
            Level = 2,
            Items =
            [
                new ReminderItem("F2026-00042", new LocalDate(2026, 11, 2), new LocalDate(2026, 12, 2), 1187.48m, 44),
                new ReminderItem("F2026-00051", new LocalDate(2026, 11, 20), new LocalDate(2026, 12, 20), 320.00m, 26),
            ],
            Fees = 80m,
            Interest = 12.37m,
            Paragraphs = ["Sauf erreur de notre part, les factures ci-dessous restent impayées."],
            PaymentInstructions = sample.PaymentInstructions,
        };
    }
}
