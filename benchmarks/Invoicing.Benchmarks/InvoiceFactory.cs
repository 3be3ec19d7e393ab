using Invoicing.Core;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>Builds the invoices the benchmarks measure: French seller and buyer, lines alternating 20 % and 5.5 %.</summary>
internal static class InvoiceFactory
{
    public static Invoice Create(int lineCount)
    {
        var lines = new InvoiceLine[lineCount];
        for (var i = 0; i < lineCount; i++)
        {
            var reduced = i % 2 == 1;
            lines[i] = new InvoiceLine
            {
                Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ItemName = $"Item {i + 1}",
                Quantity = 1 + (i % 7),
                UnitCode = "C62",
                NetPrice = 9.99m + i,
                VatCategory = VatCategory.S,
                VatRate = reduced ? 5.5m : 20m,
            };
        }

        return new Invoice
        {
            IssueDate = new LocalDate(2026, 11, 2),
            DueDate = new LocalDate(2026, 12, 2),
            Currency = Currency.Eur,
            Seller = new Party { Name = "Atelier Lumière SAS", VatId = "FR11123456782", LegalId = Identifier.Siren("123456782"), Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
            Buyer = new Party { Name = "Boulangerie Dupont", VatId = "FR14987654324", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
            Lines = lines,
        };
    }
}
