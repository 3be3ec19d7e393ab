using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Conformance.Tests;

/// <summary>Each XRechnung business case written in UBL and in CII reads to the same invoice.</summary>
public sealed class XRechnungPairsTests
{
    public static TheoryData<string> Pairs()
    {
        var data = new TheoryData<string>();
        foreach (var ubl in Directory.EnumerateFiles(UblCorpus.Path("xrechnung-business-cases"), "*_ubl.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(ubl);
            if (File.Exists(Path.Combine(Path.GetDirectoryName(ubl)!, name.Replace("_ubl.xml", "_uncefact.xml", StringComparison.Ordinal))))
            {
                data.Add(name[..^"_ubl.xml".Length]);
            }
        }

        return data;
    }

    [Fact]
    public void Pairs_Corpus_HasEveryBusinessCase() => Assert.True(Pairs().Count >= 20, $"only {Pairs().Count} pairs");

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Read_UblAndCiiOfOneCase_GiveTheSameInvoiceAndTotals(string businessCase)
    {
        var ubl = UblCorpus.Read($"xrechnung-business-cases/{businessCase}_ubl.xml");
        var cii = UblCorpus.Read($"xrechnung-business-cases/{businessCase}_uncefact.xml");

        Assert.Equal(EInvoiceSyntax.Ubl, ubl.Syntax);
        Assert.Equal(EInvoiceSyntax.Cii, cii.Syntax);
        var left = WithoutSourceDifferences(businessCase, Comparable(ubl.Invoice, cii.Invoice), cii.Invoice);
        var right = Comparable(cii.Invoice, ubl.Invoice);
        Assert.True(left == right, UblCorpus.ModelDifferences(left, right));
        Assert.Empty(UblCorpus.Differences(InvoiceCalculator.Calculate(ubl.Invoice), cii.StatedTotals));
    }

    /// <summary>
    /// The invoice without what the two syntaxes carry differently by design (each listed in docs/conformance.md):
    /// the default Peppol business process (BT-23), which the UBL reader reads as none; and the purchase order
    /// placeholder UBL needs when only a sales order reference (BT-14) is given (OrderReference/ID is mandatory
    /// there, CII has no such constraint).
    /// </summary>
    private static Invoice Comparable(Invoice invoice, Invoice other) => invoice with
    {
        BusinessProcessType = invoice.BusinessProcessType == Invoicing.EInvoicing.Ubl.UblNames.PeppolProfileId ? null : invoice.BusinessProcessType,
        PurchaseOrderReference = invoice.SalesOrderReference is not null && other.PurchaseOrderReference is null ? null : invoice.PurchaseOrderReference,
    };

    /// <summary>
    /// Three pairs whose two files state different data (checked by eye in the files; documented in
    /// docs/conformance.md): the UBL side takes the CII value for exactly those fields, nothing else.
    /// </summary>
    private static Invoice WithoutSourceDifferences(string businessCase, Invoice ubl, Invoice cii) => businessCase switch
    {
        // The UBL file gives the seller address as "[Seller street]/[Seller city]", the CII file as "[Street]/[City]";
        // the CII file states a paid amount of 0.00 that the UBL file leaves out.
        "01.20a-INVOICE" => ubl with { Seller = ubl.Seller with { Address = cii.Seller.Address }, PrepaidAmount = cii.PrepaidAmount },
        // The UBL file swaps city and post code ("12345" as CityName, "Testhausen" as PostalZone) for seller and buyer.
        "03.06a-INVOICE" => ubl with { Seller = ubl.Seller with { Address = cii.Seller.Address }, Buyer = ubl.Buyer with { Address = cii.Buyer.Address } },
        // The seller VAT identifier is "DE 123456789" in the UBL file and "DE152338654" in the CII file; the payment
        // means text is "Information" against "Rechnung"; the AE exemption reason of the VAT breakdown is
        // "Umkehrung der Steuerschuldnerschaft" against "als gemeinnützig anerkannt".
        "01.21a-INVOICE" => ubl with
        {
            Seller = ubl.Seller with { VatId = cii.Seller.VatId },
            PaymentInstructions = ubl.PaymentInstructions! with { MeansText = cii.PaymentInstructions?.MeansText },
            VatExemptions = cii.VatExemptions,
        },
        _ => ubl,
    };
}
