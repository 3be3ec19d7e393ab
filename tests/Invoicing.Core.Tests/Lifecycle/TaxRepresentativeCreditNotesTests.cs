using NodaTime;
using Xunit;

namespace Invoicing.Core.Tests.Lifecycle;

/// <summary>A credit note of a seller with a tax representative (BG-11) keeps it, so it meets the same VAT rules.</summary>
public sealed class TaxRepresentativeCreditNotesTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR70403032659",
        Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" },
    };

    private static IssuedInvoice RepresentedInvoice() => LifecycleFixtures.Issued(LifecycleFixtures.Draft() with
    {
        Seller = new Party { Name = "Horlogerie du Jura SA", Identifiers = [new Identifier("CHE123456788", "0183")], Address = new PostalAddress { City = "La Chaux-de-Fonds", CountryCode = "CH" } },
        SellerTaxRepresentative = Representative,
    });

    [Fact]
    public void Full_InvoiceWithRepresentative_KeepsTheRepresentativeAndMeetsBrS02()
    {
        var credit = CreditNotes.Full(RepresentedInvoice(), new LocalDate(2026, 11, 20));

        Assert.Equal(Representative, credit.SellerTaxRepresentative);
        Assert.False(InvoiceValidator.Validate(credit).Has("BR-S-02"));
    }

    [Fact]
    public void Partial_InvoiceWithRepresentative_KeepsTheRepresentative()
    {
        var credit = CreditNotes.Partial(RepresentedInvoice(), new LocalDate(2026, 11, 20), [new CreditedLine("1", 1m)]);

        Assert.Equal(Representative, credit.SellerTaxRepresentative);
        Assert.False(InvoiceValidator.Validate(credit).Has("BR-S-02"));
    }
}
