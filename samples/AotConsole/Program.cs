// Issues one invoice on the SQLite store, writes its CII and its Factur-X PDF into the folder given, reads the
// CII back and checks the amount due survived the round trip, then computes an ROI. Exit code 0 only when all of
// that worked: every package marked IsAotCompatible is used here.
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;
using Invoicing.Roi;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

var folder = Directory.CreateDirectory(args.Length > 0 ? args[0] : "aot-output").FullName;

var services = new ServiceCollection();
services.AddInvoicing(o => o.InvoiceSeries = new NumberSeries("invoices", "A{yyyy}-{seq:00000}", resetsYearly: true))
        .UseSqlite($"Data Source={Path.Combine(folder, "invoices.db")}");
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

var ciiPath = Path.Combine(folder, $"{issued.Number}.xml");
var pdfPath = Path.Combine(folder, $"{issued.Number}.pdf");
await File.WriteAllBytesAsync(ciiPath, CiiWriter.ToBytes(issued.Document, FacturXProfile.En16931));
await File.WriteAllBytesAsync(pdfPath, FacturXPdf.ToBytes(issued.Document, FacturXProfile.En16931));

await using var cii = File.OpenRead(ciiPath);
var read = EInvoiceReader.Read(cii);
if (read.StatedTotals.AmountDue != issued.Totals.AmountDue)
{
    Console.Error.WriteLine($"The CII read back says {read.StatedTotals.AmountDue} due, the invoice {issued.Totals.AmountDue}.");
    return 1;
}

var roi = RoiCalculator.Calculate(investment: 1_500m, annualBenefits: 4_500m);
if (roi.Roi != 2m)
{
    Console.Error.WriteLine($"ROI of 1500 invested for 4500 a year came out as {roi.Roi}, not 2.");
    return 1;
}

Console.WriteLine($"{issued.Number}: {issued.Totals.AmountDue} EUR due; {Path.GetFileName(ciiPath)} and {Path.GetFileName(pdfPath)} written; ROI {roi.Roi:P0}.");
return 0;
