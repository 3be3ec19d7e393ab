using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

var services = new ServiceCollection();
services.AddInvoicing(o => o.InvoiceSeries = new NumberSeries("invoices", "F{yyyy}-{seq:00000}", resetsYearly: true))
        .UseSqlite("Data Source=quickstart.db");
await using var provider = services.BuildServiceProvider();
var invoicing = provider.GetRequiredService<InvoicingService>();

var issued = await invoicing.IssueAsync(new Invoice
{
    IssueDate = invoicing.Today, DueDate = invoicing.Today.PlusDays(30), Currency = Currency.Eur, BusinessProcessType = FrenchBillingMode.S1,
    Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", CountryCode = "FR" } },
    Buyer = new Party { Name = "Boulangerie Dupont", LegalId = Identifier.Siren("987654324"), VatId = "FR14987654324", Address = new PostalAddress { City = "Lyon", CountryCode = "FR" } },
    Notes = [new("Pénalités de retard : taux BCE + 10 points.", InvoiceNote.LatePaymentPenalties), new("Indemnité forfaitaire de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity)],
    Lines = [new InvoiceLine { Id = "1", ItemName = "Étude d'éclairage", Quantity = 3, UnitCode = "HUR", NetPrice = 85m, VatCategory = VatCategory.S, VatRate = 20m }],
});

await File.WriteAllBytesAsync($"{issued.Number}.pdf", FacturXPdf.ToBytes(issued.Document, FacturXProfile.En16931));   // PDF/A-3 + factur-x.xml
Console.WriteLine($"{issued.Number}: {issued.Totals.TaxExclusiveAmount} + {issued.Totals.VatTotal} VAT = {issued.Totals.AmountDue} EUR");
