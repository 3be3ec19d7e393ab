using Invoicing.Core;
using static Invoicing.Crm.Tests.CrmFixtures;

namespace Invoicing.Crm.Tests.Mapping;

public sealed class CrmMappingTests
{
    private readonly CrmMapping _mapping = new(Template);

    [Fact]
    public void ToDraft_CompleteRecords_ValidatesWithoutHandEdits()
    {
        var result = _mapping.ToDraft(Deal(), Customer(), Today);

        Assert.False(result.IsHeld, string.Join("; ", result.Issues));
        var draft = result.Draft!;
        Assert.DoesNotContain(InvoicingService.Validate(draft).Issues, issue => issue.Severity == ValidationSeverity.Error);
        Assert.Equal(Identifier.Siren("987654324"), draft.Buyer.LegalId);
        Assert.Equal("FR", draft.Buyer.Address!.CountryCode);
        Assert.Equal(Today.PlusDays(30), draft.DueDate);
        Assert.Equal("D1", draft.SalesOrderReference);
        Assert.Equal(20m, draft.Lines[1].VatRate);
        Assert.Equal("HUR", draft.Lines[1].UnitCode);
        Assert.Equal("fr", result.Language);
    }

    [Fact]
    public void ToDraft_FrenchBuyerWithoutSiren_IsHeldNamingTheField()
    {
        var result = _mapping.ToDraft(Deal(), Customer() with { Siren = null }, Today);

        Assert.True(result.IsHeld);
        Assert.Null(result.Draft);
        Assert.Contains(result.Issues, issue => issue.RuleId == "CRM-CUSTOMER-SIREN" && issue.Path == "customer.siren");
    }

    [Fact]
    public void ToDraft_CustomerWithoutAddress_IsHeldNamingTheAddress()
    {
        var result = _mapping.ToDraft(Deal(), Customer() with { Address = null }, Today);

        Assert.True(result.IsHeld);
        Assert.Contains(result.Issues, issue => issue.Path.StartsWith("buyer.address", StringComparison.Ordinal));
    }

    [Fact]
    public void ToDraft_UnknownCustomer_IsHeld()
    {
        var result = _mapping.ToDraft(Deal(), null, Today);

        Assert.Equal("CRM-CUSTOMER", Assert.Single(result.Issues).RuleId);
    }

    [Fact]
    public void ToDraft_LineWithoutPriceAndBadCategory_NamesEachField()
    {
        var deal = Deal() with { Lines = [new CrmDealLine { Name = "x", Quantity = 1, VatCategory = "Q" }] };

        var result = _mapping.ToDraft(deal, Customer(), Today);

        Assert.Contains(result.Issues, issue => issue.RuleId == "CRM-LINE-PRICE" && issue.Path == "deal.lines[0].unitPrice");
        Assert.Contains(result.Issues, issue => issue.RuleId == "CRM-LINE-VAT-CATEGORY" && issue.Path == "deal.lines[0].vatCategory");
    }

    [Fact]
    public void ToDraft_UnknownCurrency_IsHeld()
    {
        var result = _mapping.ToDraft(Deal() with { Currency = "EURO" }, Customer(), Today);

        Assert.Contains(result.Issues, issue => issue.RuleId == "CRM-CURRENCY" && issue.Path == "deal.currency");
    }

    [Fact]
    public void ToDraft_FrenchCompanyWithoutAnyIdentifier_HeldForItsSiren()
    {
        var result = _mapping.ToDraft(Deal(), Customer() with { Siren = null, VatId = null }, Today);

        Assert.Contains(result.Issues, issue => issue.RuleId == "CRM-CUSTOMER-SIREN" && issue.Path == "customer.siren");
    }

    [Fact]
    public void ToDraft_ConsumersAllowed_FrenchBuyerWithoutSirenDrafted()
    {
        var mapping = new CrmMapping(Template with { BuyersAreBusinesses = false });

        var result = mapping.ToDraft(Deal(), Customer() with { Siren = null, VatId = null }, Today);

        Assert.False(result.IsHeld, string.Join("; ", result.Issues));
    }

    [Fact]
    public void ToDraft_IntraCommunitySupply_DeliveredInTheCustomersCountryOnTheCloseDay()
    {
        var customer = Customer() with { Siren = null, VatId = "DE123456789", Address = new CrmAddress { Line1 = "Hauptstraße 5", City = "Berlin", PostCode = "10115", Country = "Germany" } };
        var deal = Deal() with { Lines = [new CrmDealLine { Name = "Lampadaire", Quantity = 10, UnitPrice = 249m, VatCategory = "k" }] };

        var result = _mapping.ToDraft(deal, customer, Today);

        Assert.False(result.IsHeld, string.Join("; ", result.Issues));
        Assert.Equal(("DE", deal.ClosedOn), (result.Draft!.Delivery!.Address!.CountryCode, result.Draft.Delivery.Date));
        Assert.Equal(0m, result.Draft.Lines[0].VatRate);
        Assert.Equal(VatCategory.K, Assert.Single(result.Draft.VatExemptions).Category);
    }
}
