using NodaTime;
using Xunit;
using static Invoicing.Core.Tests.Validation.ValidationFixtures;

namespace Invoicing.Core.Tests.Validation;

public sealed class InvoiceValidatorTests
{
    private static readonly Dictionary<string, (Func<Invoice> Make, string Rule, string Path)> Broken = new()
    {
        ["blank number"] = (() => FrenchB2B() with { Number = " " }, "BR-02", "number"),
        ["no issue date"] = (() => FrenchB2B() with { IssueDate = default }, "BR-03", "issueDate"),
        ["unknown type"] = (() => FrenchB2B() with { Type = (DocumentType)999 }, "BR-04", "type"),
        ["no currency"] = (() => FrenchB2B() with { Currency = default }, "BR-05", "currency"),
        ["null seller"] = (() => FrenchB2B() with { Seller = null! }, "BR-06", "seller"),
        ["blank seller name"] = (() => FrenchB2B() with { Seller = FrenchSeller with { Name = "" } }, "BR-06", "seller.name"),
        ["null buyer"] = (() => FrenchB2B() with { Buyer = null! }, "BR-07", "buyer"),
        ["null buyer name"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { Name = null! } }, "BR-07", "buyer.name"),
        ["no seller address"] = (() => FrenchB2B() with { Seller = FrenchSeller with { Address = null } }, "BR-08", "seller.address"),
        ["no seller country"] = (() => FrenchB2B() with { Seller = FrenchSeller with { Address = FrenchSeller.Address! with { CountryCode = " " } } }, "BR-09", "seller.address.countryCode"),
        ["no buyer address"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { Address = null } }, "BR-10", "buyer.address"),
        ["no buyer country"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { Address = FrenchBuyer.Address! with { CountryCode = null! } } }, "BR-11", "buyer.address.countryCode"),
        ["bad buyer country"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { Address = FrenchBuyer.Address! with { CountryCode = "France" } } }, "BR-CL-14", "buyer.address.countryCode"),
        ["no lines"] = (() => FrenchB2B() with { Lines = [] }, "BR-16", "lines"),
        ["null line"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m), null!] }, "BR-16", "lines[1]"),
        ["payee without name"] = (() => FrenchB2B() with { Payee = new Party { Name = " " } }, "BR-17", "payee.name"),
        ["blank line id"] = (() => FrenchB2B() with { Lines = [Line("", 1m, 1m)] }, "BR-21", "lines[0].id"),
        ["duplicate line id"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m), Line("1", 2m, 1m)] }, "INV-LINE-ID", "lines[1].id"),
        ["blank unit"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { UnitCode = " " }] }, "BR-23", "lines[0].unitCode"),
        ["blank item name"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { ItemName = null! }] }, "BR-25", "lines[0].itemName"),
        ["negative price"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m), Line("2", 1m, 1m), Line("3", 1m, -5m)] }, "BR-27", "lines[2].netPrice"),
        ["negative gross price"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { GrossPrice = -1m }] }, "BR-28", "lines[0].grossPrice"),
        ["zero base quantity"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { BaseQuantity = 0m }] }, "INV-BASE-QUANTITY", "lines[0].baseQuantity"),
        ["period end before start"] = (() => FrenchB2B() with { InvoicingPeriod = new InvoicePeriod { Start = new LocalDate(2026, 10, 31), End = new LocalDate(2026, 10, 1) } }, "BR-29", "invoicingPeriod.end"),
        ["line period end before start"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { Period = new InvoicePeriod { Start = new LocalDate(2026, 10, 31), End = new LocalDate(2026, 10, 1) } }] }, "BR-30", "lines[0].period.end"),
        ["empty period"] = (() => FrenchB2B() with { InvoicingPeriod = new InvoicePeriod() }, "BR-CO-19", "invoicingPeriod"),
        ["empty line period"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { Period = new InvoicePeriod() }] }, "BR-CO-20", "lines[0].period"),
        ["null document allowance"] = (() => FrenchB2B() with { AllowancesCharges = [null!] }, "BR-31", "allowancesCharges[0]"),
        ["allowance without category"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { Amount = 5m, Reason = "Remise" }] }, "BR-32", "allowancesCharges[0].vatCategory"),
        ["allowance without reason"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { Amount = 5m, VatCategory = VatCategory.S, VatRate = 20m }] }, "BR-33", "allowancesCharges[0].reason"),
        ["charge without category"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 5m, Reason = "Port" }] }, "BR-37", "allowancesCharges[0].vatCategory"),
        ["charge without reason"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 5m, VatCategory = VatCategory.S, VatRate = 20m }] }, "BR-38", "allowancesCharges[0].reason"),
        ["null line allowance"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { AllowancesCharges = [null!] }] }, "BR-41", "lines[0].allowancesCharges[0]"),
        ["line allowance without reason"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 10m) with { AllowancesCharges = [new AllowanceCharge { Amount = 1m }] }] }, "BR-42", "lines[0].allowancesCharges[0].reason"),
        ["line charge without reason"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 10m) with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 1m, Reason = " " }] }] }, "BR-44", "lines[0].allowancesCharges[0].reason"),
        ["no means code"] = (() => FrenchB2B() with { PaymentInstructions = new PaymentInstructions { MeansCode = " " } }, "BR-49", "paymentInstructions.meansCode"),
        ["blank account"] = (() => FrenchB2B() with { PaymentInstructions = new PaymentInstructions { MeansCode = "58", CreditTransfers = [new CreditTransfer(" ")] } }, "BR-50", "paymentInstructions.creditTransfers[0].accountId"),
        ["full card number"] = (() => FrenchB2B() with { PaymentInstructions = new PaymentInstructions { MeansCode = "48", Card = new PaymentCard("4970101234567890") } }, "BR-51", "paymentInstructions.card.primaryAccountNumber"),
        ["accounting currency without total"] = (() => FrenchB2B() with { VatAccountingCurrency = Currency.Usd }, "BR-53", "vatTotalInAccountingCurrency"),
        ["preceding without number"] = (() => FrenchB2B() with { PrecedingInvoices = [new PrecedingInvoiceReference(" ")] }, "BR-55", "precedingInvoices[0].number"),
        ["delivery without country"] = (() => FrenchB2B() with { Delivery = new Delivery { Address = new PostalAddress { CountryCode = "" } } }, "BR-57", "delivery.address.countryCode"),
        ["credit transfer without account"] = (() => FrenchB2B() with { PaymentInstructions = new PaymentInstructions { MeansCode = "30" } }, "BR-61", "paymentInstructions.creditTransfers"),
        ["seller address without scheme"] = (() => FrenchB2B() with { Seller = FrenchSeller with { ElectronicAddress = new Identifier("x@example.com") } }, "BR-62", "seller.electronicAddress.scheme"),
        ["buyer address without scheme"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { ElectronicAddress = new Identifier("x@example.com", "") } }, "BR-63", "buyer.electronicAddress.scheme"),
        ["item id without scheme"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { StandardItemId = new Identifier("4012345678901") }] }, "BR-64", "lines[0].standardItemId.scheme"),
        ["classification without scheme"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m) with { ClassificationIds = [new Identifier("44111515", "STI"), new Identifier("x")] }] }, "BR-65", "lines[0].classificationIds[1].scheme"),
        ["tax point date and code"] = (() => FrenchB2B() with { VatPointDate = new LocalDate(2026, 11, 2), VatDueDateType = VatDueDateType.InvoiceDate }, "BR-CO-03", "vatPointDate"),
        ["undefined line category"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, (VatCategory)42)] }, "BR-CO-04", "lines[0].vatCategory"),
        ["seller vat id without prefix"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = "123456782" } }, "BR-CO-09", "seller.vatId"),
        ["buyer vat id lower-case prefix"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { VatId = "fr14987654324" } }, "BR-CO-09", "buyer.vatId"),
        ["no due date nor terms"] = (() => FrenchB2B() with { DueDate = null }, "BR-CO-25", "dueDate"),
        ["seller without any id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = null, VatId = null } }, "BR-CO-26", "seller.legalId"),
        ["S without seller vat id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = null } }, "BR-S-02", "seller.vatId"),
        ["S line rate zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, rate: 0m)] }, "BR-S-05", "lines[0].vatRate"),
        ["S allowance rate missing"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { Amount = 1m, Reason = "Remise", VatCategory = VatCategory.S }] }, "BR-S-06", "allowancesCharges[0].vatRate"),
        ["S charge rate zero"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 1m, Reason = "Port", VatCategory = VatCategory.S, VatRate = 0m }] }, "BR-S-07", "allowancesCharges[0].vatRate"),
        ["S with exemption"] = (() => FrenchB2B() with { VatExemptions = [new VatExemption(VatCategory.S, null, "Exonéré")] }, "BR-S-10", "vatExemptions[0]"),
        ["rate above 100"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, rate: 120m)] }, "INV-VAT-RATE", "lines[0].vatRate"),
        ["negative rate"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, rate: -20m)] }, "INV-VAT-RATE", "lines[0].vatRate"),
        ["Z without seller vat id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = null }, Lines = [Line("1", 1m, 1m, VatCategory.Z, 0m)], AllowancesCharges = [] }, "BR-Z-02", "seller.vatId"),
        ["Z rate not zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.Z, 5m)] }, "BR-Z-05", "lines[0].vatRate"),
        ["E without exemption"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.E, 0m)] }, "BR-E-10", "vatExemptions"),
        ["E rate not zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.E, 20m)], VatExemptions = [VatMentions.FrenchFranchise.ToExemption()] }, "BR-E-05", "lines[0].vatRate"),
        ["E without seller tax id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = null }, Lines = [Line("1", 1m, 1m, VatCategory.E, 0m)], AllowancesCharges = [], VatExemptions = [VatMentions.ExemptPublicInterest.ToExemption()] }, "BR-E-02", "seller.vatId"),
        ["AE without buyer ids"] = (() => FrenchB2B() with { Buyer = GermanBuyer with { VatId = null }, Lines = [Line("1", 1m, 1m, VatCategory.AE, 0m)], AllowancesCharges = [], VatExemptions = [VatMentions.ReverseCharge.ToExemption()] }, "BR-AE-02", "buyer.vatId"),
        ["AE without seller vat id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = null }, Lines = [Line("1", 1m, 1m, VatCategory.AE, 0m)], AllowancesCharges = [], VatExemptions = [VatMentions.ReverseCharge.ToExemption()] }, "BR-AE-02", "seller.vatId"),
        ["AE rate not zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.AE, 20m)], VatExemptions = [VatMentions.ReverseCharge.ToExemption()] }, "BR-AE-05", "lines[0].vatRate"),
        ["AE without exemption"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.AE, 0m)] }, "BR-AE-10", "vatExemptions"),
        ["AE with another code"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.AE, 0m)], VatExemptions = [new VatExemption(VatCategory.AE, "VATEX-EU-IC", null)] }, "BR-AE-10", "vatExemptions[0].reasonCode"),
        ["K without buyer vat id"] = (() => IntraCommunityGoods() with { Buyer = GermanBuyer with { VatId = null } }, "BR-IC-02", "buyer.vatId"),
        ["K without seller vat id"] = (() => IntraCommunityGoods() with { Seller = FrenchSeller with { VatId = null } }, "BR-IC-02", "seller.vatId"),
        ["K within one country"] = (() => IntraCommunityGoods() with { Buyer = GermanBuyer with { VatId = "FR14987654324" } }, "INV-IC-COUNTRIES", "buyer.vatId"),
        ["K rate not zero"] = (() => IntraCommunityGoods() with { Lines = [Line("1", 1m, 1m, VatCategory.K, 20m)] }, "BR-IC-05", "lines[0].vatRate"),
        ["K without exemption"] = (() => IntraCommunityGoods() with { VatExemptions = [] }, "BR-IC-10", "vatExemptions"),
        ["K without delivery date"] = (() => IntraCommunityGoods() with { Delivery = new Delivery { Address = new PostalAddress { CountryCode = "DE" } } }, "BR-IC-11", "delivery.date"),
        ["K without delivery country"] = (() => IntraCommunityGoods() with { Delivery = new Delivery { Date = new LocalDate(2026, 10, 30) } }, "BR-IC-12", "delivery.address.countryCode"),
        ["G without seller vat id"] = (() => FrenchB2B() with { Seller = FrenchSeller with { VatId = null }, Lines = [Line("1", 1m, 1m, VatCategory.G, 0m)], AllowancesCharges = [], VatExemptions = [VatMentions.Export.ToExemption()] }, "BR-G-02", "seller.vatId"),
        ["G rate not zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.G, 20m)], VatExemptions = [VatMentions.Export.ToExemption()] }, "BR-G-05", "lines[0].vatRate"),
        ["G charge rate not zero"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.G, 0m)], AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 1m, Reason = "Port", VatCategory = VatCategory.G, VatRate = 20m }], VatExemptions = [VatMentions.Export.ToExemption()] }, "BR-G-07", "allowancesCharges[0].vatRate"),
        ["G without exemption"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.G, 0m)] }, "BR-G-10", "vatExemptions"),
        ["O with seller vat id"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.O, null)], AllowancesCharges = [], VatExemptions = [VatMentions.OutOfScope.ToExemption()] }, "BR-O-02", "seller.vatId"),
        ["O with a rate"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.O, 0m)], VatExemptions = [VatMentions.OutOfScope.ToExemption()] }, "BR-O-05", "lines[0].vatRate"),
        ["O without exemption"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.O, null)] }, "BR-O-10", "vatExemptions"),
        ["O mixed with S"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m), Line("2", 1m, 1m, VatCategory.O, null)], VatExemptions = [VatMentions.OutOfScope.ToExemption()] }, "BR-O-11", "lines"),
        ["L without rate"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.L, null)], AllowancesCharges = [] }, "BR-AF-05", "lines[0].vatRate"),
        ["M negative rate"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.M, -1m)], AllowancesCharges = [] }, "BR-AG-05", "lines[0].vatRate"),
        ["B outside Italy"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m, VatCategory.B, 22m)], AllowancesCharges = [] }, "BR-B-01", "seller.address.countryCode"),
        ["B with S"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 1m), Line("2", 1m, 1m, VatCategory.B, 22m)] }, "BR-B-02", "lines"),
        ["unknown VATEX code"] = (() => IntraCommunityGoods() with { VatExemptions = [new VatExemption(VatCategory.K, "VATEX-EU-NOPE", "Exonéré")] }, "BR-CL-22", "vatExemptions[0].reasonCode"),
        ["null exemption"] = (() => FrenchB2B() with { VatExemptions = [null!] }, "INV-NULL", "vatExemptions[0]"),
        ["allowance with 3 decimals"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { Amount = 1.005m, Reason = "Remise", VatCategory = VatCategory.S, VatRate = 20m }] }, "BR-DEC-01", "allowancesCharges[0].amount"),
        ["allowance base with 3 decimals"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { Amount = 1m, BaseAmount = 10.001m, Percentage = 10m, Reason = "Remise", VatCategory = VatCategory.S, VatRate = 20m }] }, "BR-DEC-02", "allowancesCharges[0].baseAmount"),
        ["charge with 3 decimals"] = (() => FrenchB2B() with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 1.001m, Reason = "Port", VatCategory = VatCategory.S, VatRate = 20m }] }, "BR-DEC-05", "allowancesCharges[0].amount"),
        ["line allowance with 3 decimals"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 10m) with { AllowancesCharges = [new AllowanceCharge { Amount = 0.125m, Reason = "Remise" }] }] }, "BR-DEC-24", "lines[0].allowancesCharges[0].amount"),
        ["line charge with 3 decimals"] = (() => FrenchB2B() with { Lines = [Line("1", 1m, 10m) with { AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 0.125m, Reason = "Emballage" }] }] }, "BR-DEC-27", "lines[0].allowancesCharges[0].amount"),
        ["prepaid with 3 decimals"] = (() => FrenchB2B() with { PrepaidAmount = 10.555m }, "BR-DEC-16", "prepaidAmount"),
        ["rounding with 3 decimals"] = (() => FrenchB2B() with { RoundingAmount = 0.001m }, "BR-DEC-17", "roundingAmount"),
        ["yen amount with decimals"] = (() => FrenchB2B() with { Currency = Currency.Jpy, Lines = [Line("1", 1m, 1000m)], AllowancesCharges = [], PrepaidAmount = 100.5m }, "BR-DEC-16", "prepaidAmount"),
        ["accounting total with 3 decimals"] = (() => FrenchB2B() with { VatAccountingCurrency = Currency.Usd, VatTotalInAccountingCurrency = 12.345m }, "BR-DEC-15", "vatTotalInAccountingCurrency"),
        ["no seller SIREN"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = null } }, "FR-01", "seller.legalId"),
        ["seller SIREN bad key"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = Identifier.Siren("123456789") } }, "FR-02", "seller.legalId.value"),
        ["seller SIREN letters"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = Identifier.Siren("12345678A") } }, "FR-02", "seller.legalId.value"),
        ["seller SIREN 8 digits"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = Identifier.Siren("12345678") } }, "FR-02", "seller.legalId.value"),
        ["seller SIRET bad key"] = (() => FrenchB2B() with { Seller = FrenchSeller with { LegalId = Identifier.Siret("12345678200011") } }, "FR-02", "seller.legalId.value"),
        ["no buyer SIREN"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { LegalId = null } }, "FR-03", "buyer.legalId"),
        ["buyer SIREN bad key"] = (() => FrenchB2B() with { Buyer = FrenchBuyer with { LegalId = Identifier.Siren("987654321") } }, "FR-04", "buyer.legalId.value"),
        ["no PMD note"] = (() => FrenchB2B() with { Notes = [new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", "PMT")] }, "FR-05", "notes"),
        ["no PMT note"] = (() => FrenchB2B() with { Notes = [new InvoiceNote("Pénalités : 3 fois le taux d'intérêt légal.", "PMD")] }, "FR-06", "notes"),
        ["due in 61 days"] = (() => FrenchB2B() with { IssueDate = new LocalDate(2026, 1, 31), DueDate = new LocalDate(2026, 4, 2) }, "FR-07", "dueDate"),
        ["credit note without original"] = (() => FrenchB2B() with { Type = DocumentType.CreditNote }, "FR-08", "precedingInvoices"),
        ["corrected invoice without original"] = (() => FrenchB2B() with { Type = DocumentType.CorrectedInvoice }, "FR-08", "precedingInvoices"),
        ["French B2B without billing mode"] = (() => FrenchB2B() with { BusinessProcessType = null }, "FR-09", "businessProcessType"),
        ["French B2B with unknown billing mode"] = (() => FrenchB2B() with { BusinessProcessType = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0" }, "FR-09", "businessProcessType"),
        ["overflow"] = (() => FrenchB2B() with { Lines = [Line("1", decimal.MaxValue, decimal.MaxValue)] }, "INV-OVERFLOW", "lines[0]"),
    };

    public static TheoryData<string> BrokenCases => [.. Broken.Keys];

    [Fact]
    public void Validate_FrenchB2BWithEveryMention_HasNoIssue()
    {
        var result = InvoiceValidator.Validate(FrenchB2B());

        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_IntraCommunityGoods_HasNoIssue()
    {
        Assert.Empty(InvoiceValidator.Validate(IntraCommunityGoods()).Issues);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Validate_InvoiceBreakingOneRule_ReportsThatRuleAtThatPath(string name)
    {
        var (make, rule, path) = Broken[name];

        var result = InvoiceValidator.Validate(make());

        Assert.Contains(result.Errors, i => i.RuleId == rule && i.Path == path);
        Assert.False(result.IsValid);
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
    }

    [Fact]
    public void Validate_PayeeVatIdWithoutPrefix_BrCo09AtThePayeeWithoutClaimingBt63()
    {
        var result = InvoiceValidator.Validate(FrenchB2B() with { Payee = new Party { Name = "Affacturage Lyon SA", VatId = "123" } });

        var issue = Assert.Single(result.Issues, i => i.RuleId == "BR-CO-09");
        Assert.Equal("payee.vatId", issue.Path);
        Assert.DoesNotContain("BT-63", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Null_ReportsInsteadOfThrowing()
    {
        var result = InvoiceValidator.Validate(null);

        Assert.Equal("INV-NULL", Assert.Single(result.Issues).RuleId);
    }

    [Fact]
    public void Validate_EverythingMissing_ReportsEveryIssueWithoutThrowing()
    {
        var invoice = new Invoice { IssueDate = default, Currency = default, Seller = null!, Buyer = null!, Lines = [null!, null!], AllowancesCharges = [null!] };

        var result = InvoiceValidator.Validate(invoice);

        foreach (var rule in new[] { "BR-03", "BR-05", "BR-06", "BR-07", "BR-16", "BR-31" })
        {
            Assert.True(result.Has(rule), rule);
        }
    }

    [Fact]
    public void Validate_SeveralBrokenRules_ReportsThemAll()
    {
        var invoice = FrenchB2B() with { Number = "", Lines = [Line("1", 1m, -1m, rate: 0m)], Notes = [] };

        var rules = InvoiceValidator.Validate(invoice).Issues.Select(i => i.RuleId).ToHashSet();

        Assert.Superset(new HashSet<string> { "BR-02", "BR-27", "BR-S-05", "FR-05", "FR-06" }, rules);
    }

    [Fact]
    public void Validate_PmtNoteWithoutTheAmount_WarnsButStaysValid()
    {
        var invoice = FrenchB2B() with { Notes = [new InvoiceNote("Pénalités de retard : 3 x taux légal.", "PMD"), new InvoiceNote("Indemnité forfaitaire de recouvrement.", "PMT")] };

        var result = InvoiceValidator.Validate(invoice);

        Assert.True(result.IsValid);
        Assert.Equal("notes[1].text", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Validate_VatKeyNotMatchingSiren_Warns()
    {
        // The key of SIREN 123456782 is 11 (FR11123456782): 44 is wrong on purpose.
        const string wrongKey = "FR44123456782";
        var invoice = FrenchB2B() with { Seller = FrenchSeller with { VatId = wrongKey } };

        var result = InvoiceValidator.Validate(invoice);

        Assert.True(result.IsValid);
        Assert.Equal("FR-10", Assert.Single(result.Warnings).RuleId);
    }

    [Theory]
    [InlineData(2026, 1, 31, 2026, 4, 1)]
    [InlineData(2026, 11, 2, 2027, 1, 1)]
    [InlineData(2026, 11, 20, 2027, 1, 31)]
    [InlineData(2026, 12, 31, 2027, 3, 1)]
    public void Validate_DueDateAtTheLegalLimit_IsAccepted(int y, int m, int d, int dueY, int dueM, int dueD)
    {
        var invoice = FrenchB2B() with { IssueDate = new LocalDate(y, m, d), DueDate = new LocalDate(dueY, dueM, dueD) };

        Assert.False(InvoiceValidator.Validate(invoice).Has("FR-07"));
    }

    [Fact]
    public void Validate_FrenchConsumerInvoice_NeedsNoBuyerSirenNorMentions()
    {
        var invoice = FrenchB2B() with { Buyer = new Party { Name = "Jeanne Martin", Address = new PostalAddress { CountryCode = "FR" } }, BusinessProcessType = null, Notes = [] };

        Assert.Empty(InvoiceValidator.Validate(invoice).Issues);
    }

    [Fact]
    public void Validate_FranchiseSellerWithoutVatId_IsValid()
    {
        var invoice = FrenchB2B() with
        {
            Seller = FrenchSeller with { VatId = null },
            Lines = [Line("1", 3m, 40m, VatCategory.E, 0m)],
            AllowancesCharges = [],
            VatExemptions = [VatMentions.FrenchFranchise.ToExemption()],
        };

        Assert.Empty(InvoiceValidator.Validate(invoice).Issues);
    }

    [Fact]
    public void Validate_CreditNoteReferencingTheOriginal_IsValid()
    {
        var invoice = FrenchB2B() with { Type = DocumentType.CreditNote, PrecedingInvoices = [new PrecedingInvoiceReference("F2026-00041", new LocalDate(2026, 10, 1))] };

        Assert.Empty(InvoiceValidator.Validate(invoice).Issues);
    }

    [Fact]
    public void Validate_GermanSeller_SkipsTheFrenchRules()
    {
        var invoice = FrenchB2B() with
        {
            Seller = new Party { Name = "Leuchten Müller GmbH", VatId = "DE123456789", Address = new PostalAddress { CountryCode = "DE" } },
            Buyer = GermanBuyer with { VatId = "DE987654321" },
            Notes = [],
            BusinessProcessType = null,
        };

        Assert.DoesNotContain(InvoiceValidator.Validate(invoice).Issues, i => i.RuleId.StartsWith("FR-", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ExtraRuleSet_AddsItsIssues()
    {
        var result = InvoiceValidator.Validate(FrenchB2B(), [new StatedTotalRuleSet(999m)]);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("SYN-TOTAL", issue.RuleId);
        Assert.Equal("BT-115", issue.Path);
    }

    [Fact]
    public void Validate_ExtraRuleSetMatchingTheTotals_AddsNothing()
    {
        var due = InvoiceCalculator.Calculate(FrenchB2B()).AmountDue;

        Assert.Empty(InvoiceValidator.Validate(FrenchB2B(), [new StatedTotalRuleSet(due)]).Issues);
    }

    [Fact]
    public void Validate_ExtraRuleSetThatThrows_IsReportedNotThrown()
    {
        var result = InvoiceValidator.Validate(FrenchB2B(), [new ThrowingRuleSet(), null!]);

        Assert.Equal("INV-RULESET", Assert.Single(result.Issues).RuleId);
    }

    [Fact]
    public void ThrowIfInvalid_InvalidInvoice_ThrowsTheErrors()
    {
        var result = InvoiceValidator.Validate(FrenchB2B() with { Lines = [] });

        var error = Assert.Throws<InvoiceValidationException>(result.ThrowIfInvalid);
        Assert.Contains(error.Issues, i => i.RuleId == "BR-16");
    }

    /// <summary>A syntax-level rule as a reader package would add it: the stated amount due against the computed one.</summary>
    private sealed class StatedTotalRuleSet(decimal statedAmountDue) : IInvoiceRuleSet
    {
        public IEnumerable<ValidationIssue> Check(Invoice invoice, InvoiceTotals? totals)
        {
            if (totals is not null && totals.AmountDue != statedAmountDue)
            {
                yield return ValidationIssue.Error("SYN-TOTAL", "BT-115", "The stated amount due differs from the computed one.");
            }
        }
    }

    private sealed class ThrowingRuleSet : IInvoiceRuleSet
    {
        public IEnumerable<ValidationIssue> Check(Invoice invoice, InvoiceTotals? totals) => throw new InvalidOperationException("broken rule set");
    }
}
