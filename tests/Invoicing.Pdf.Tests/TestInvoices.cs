using Invoicing.Core;
using NodaTime;

namespace Invoicing.Pdf.Tests;

/// <summary>Invoices the tests render: the repository's sample, and variations of it.</summary>
internal static class TestInvoices
{
    public static Invoice Sample() =>
        InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-domestic.json"))) with { Number = "F2026-00042" };

    /// <summary>The sample with <paramref name="count"/> lines, each with its own item name.</summary>
    public static Invoice WithLines(int count, string number = "F2026-00060")
    {
        var sample = Sample();
        var lines = Enumerable.Range(1, count).Select(i => new InvoiceLine
        {
            Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ItemName = $"Article n°{i:000}",
            Description = i % 7 == 0 ? "Pièce détachée avec une description plus longue qui doit passer à la ligne sans jamais déborder de sa colonne." : null,
            Quantity = i,
            NetPrice = 10.15m + i,
            VatCategory = VatCategory.S,
            VatRate = i % 3 == 0 ? 5.5m : 20m,
        });
        return sample with { Number = number, Lines = ValueList<InvoiceLine>.From(lines) };
    }

    public static Invoice CreditNote()
    {
        var sample = Sample();
        return sample with
        {
            Number = "A2026-00007",
            Type = DocumentType.CreditNote,
            IssueDate = new LocalDate(2026, 11, 20),
            PrecedingInvoices = ValueList<PrecedingInvoiceReference>.From([new PrecedingInvoiceReference("F2026-00042", new LocalDate(2026, 11, 2))]),
            Lines = ValueList<InvoiceLine>.From([sample.Lines[0] with { Quantity = 1 }]),
            AllowancesCharges = ValueList<AllowanceCharge>.Empty,
        };
    }
}
