using System.Globalization;
using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.France.Tests;

public sealed class CdarWriterTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100";

    [Fact]
    public void ToBytes_EveryListedStatusAndRandomMessages_PassTheXsdAndTheSchematronWithNoError()
    {
        var messages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var status in LifecycleStatuses.All)
        {
            messages["status-" + LifecycleStatuses.Code(status)] = CdarWriter.ToBytes(CdarSamples.For(status));
        }

        for (var seed = 1; seed <= 60; seed++)
        {
            messages["random-" + seed.ToString(CultureInfo.InvariantCulture)] = CdarWriter.ToBytes(CdarRandomMessages.Create(seed));
        }

        // What the SDK itself sends: the seller's 212 for a payment, the buyer's 205 and 210 about a supplier invoice.
        var invoice = SqliteInvoices.Sample() with { Number = "F2026-00042" };
        var issued = new IssuedInvoice { Document = invoice, Totals = InvoiceCalculator.Calculate(invoice), SeriesId = "invoices", Sequence = 42, IssuedAt = CdarSamples.IssuedAt, Hash = "h", PreviousHash = "p" };
        messages["seller-212"] = CdarWriter.ToBytes(SellerStatuses.Cashed(issued, new Payment(Guid.NewGuid(), issued.Number, new NodaTime.LocalDate(2026, 12, 1), 333.33m, PaymentMethod.CreditTransfer), "PAY-1", CdarSamples.IssuedAt));
        var received = new ReceivedDocument { FlowId = "flow-1", ReceivedAt = CdarSamples.IssuedAt, Syntax = "CII", Content = new byte[] { 1 }, Invoice = invoice };
        using var platform = new Platform.FakePlatform();
        using var clients = new Platform.PlatformClients(platform);
        var receiver = new SupplierInvoiceReceiver(clients.Flows, ReceivedDocuments.CreateInMemory(), new NodaTime.Testing.FakeClock(CdarSamples.IssuedAt));
        messages["buyer-205"] = CdarWriter.ToBytes(receiver.BuyerStatus(received, LifecycleStatus.Approved, null));
        messages["buyer-210"] = CdarWriter.ToBytes(receiver.BuyerStatus(received, LifecycleStatus.Refused, new StatusReason("NON_CONFORME", "BR-S-02 seller.vatId: missing")));

        foreach (var (name, bytes) in messages)
        {
            Assert.True(CdarConformance.ValidateSchema(bytes) is [], name + ": " + string.Join("; ", CdarConformance.ValidateSchema(bytes)));
        }

        var failures = CdarConformance.RunSchematron(messages).Where(f => f.Value.Count > 0).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => f.Key + ": " + string.Join(" | ", f.Value))));
        Assert.Equal(31 + 60 + 3, messages.Count);
    }

    [Fact]
    public void Schematron_AMessageBreakingTheRules_IsReportedSoTheCheckAboveCanFail()
    {
        // The refusal without a reason, written by hand past the writer's checks: the schematron must see it.
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(CdarWriter.ToBytes(CdarSamples.For(LifecycleStatus.Refused))));
        xml.Descendants(Ram + "SpecifiedDocumentStatus").Remove();
        var bytes = System.Text.Encoding.UTF8.GetBytes(xml.ToString());

        var failures = CdarConformance.RunSchematron(new Dictionary<string, byte[]> { ["broken"] = bytes })["broken"];

        Assert.Contains(failures, f => f.StartsWith("BR-FR-CDV-15_MDT-113", StringComparison.Ordinal));
    }

    [Fact]
    public void ToBytes_Cashed_WritesTheAmountsPerVatRateAndTheStatusName()
    {
        var bytes = CdarWriter.ToBytes(CdarSamples.For(LifecycleStatus.Cashed));

        var reference = XDocument.Load(new MemoryStream(bytes)).Descendants(Ram + "ReferenceReferencedDocument").Single();
        Assert.Equal("212", reference.Element(Ram + "ProcessConditionCode")!.Value);
        Assert.Equal("Encaissée", reference.Element(Ram + "ProcessCondition")!.Value);
        var amounts = reference.Descendants(Ram + "SpecifiedDocumentCharacteristic").Select(c => (c.Element(Ram + "TypeCode")!.Value, c.Element(Ram + "ValueAmount")!.Value, c.Element(Ram + "ValuePercent")!.Value)).ToList();
        Assert.Equal([("MEN", "1200.00", "20"), ("MEN", "105.50", "5.5")], amounts);
    }

    [Theory]
    [InlineData(LifecycleStatus.Approved, "23")]
    [InlineData(LifecycleStatus.Rejected, "305")]
    [InlineData(LifecycleStatus.Deposited, "305")]
    public void ToBytes_Status_WritesThePhaseTypeCode(LifecycleStatus status, string typeCode)
    {
        var root = XDocument.Load(new MemoryStream(CdarWriter.ToBytes(CdarSamples.For(status)))).Root!;

        Assert.Equal(typeCode, root.Element(Rsm + "AcknowledgementDocument")!.Element(Ram + "TypeCode")!.Value);
    }

    [Fact]
    public void Write_RefusalWithoutReason_IsRefusedNamingTheRuleAndTheFieldAndWritesNothing()
    {
        var message = CdarSamples.For(LifecycleStatus.Refused) with { };
        message = message with { Reports = [message.Reports[0] with { Reasons = [] }] };
        using var output = new MemoryStream();

        var error = Assert.Throws<InvoiceValidationException>(() => CdarWriter.Write(message, output));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("BR-FR-CDV-15_MDT-113", issue.RuleId);
        Assert.Equal("reports[0].reasons", issue.Path);
        Assert.Contains("210 (Refusée)", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData(LifecycleStatus.Refused, "JUSTIF_ABS", "BR-FR-CDV-CL-09_MDT-113_210")]
    [InlineData(LifecycleStatus.Rejected, "CMD_ERR", "BR-FR-CDV-CL-09_MDT-113_213")]
    [InlineData(LifecycleStatus.Suspended, "DOUBLON", "BR-FR-CDV-CL-09_MDT-113_208")]
    [InlineData(LifecycleStatus.Disputed, "NOT_A_CODE", "BR-FR-CDV-CL-09_MDT-113")]
    public void Validate_ReasonTheStatusDoesNotAllow_NamesTheStatusRule(LifecycleStatus status, string reason, string rule)
    {
        var result = CdarWriter.Validate(CdarSamples.For(status, new StatusReason(reason)));

        var issue = Assert.Single(result.Errors);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal("reports[0].reasons[0].code", issue.Path);
    }

    [Fact]
    public void Validate_CashedWithoutVatRate_NamesBrFrCdv14()
    {
        var message = CdarSamples.For(LifecycleStatus.Cashed);
        message = message with { Reports = [message.Reports[0] with { Amounts = [new StatusAmount(StatusAmountTypes.Cashed, 10m)] }] };

        var issue = Assert.Single(CdarWriter.Validate(message).Errors);

        Assert.Equal(("BR-FR-CDV-14_MDT-207", "reports[0].amounts"), (issue.RuleId, issue.Path));
    }

    [Theory]
    [InlineData("B2C")]
    [InlineData("OTHER")]
    public void Validate_BusinessProcessOtherThanRegulated_IsRefusedAsTheSchematronWould(string process)
    {
        var issue = Assert.Single(CdarWriter.Validate(CdarSamples.For(LifecycleStatus.Approved) with { BusinessProcess = process }).Errors);

        Assert.Equal(("BR-FR-CDV-CL-01", "businessProcess"), (issue.RuleId, issue.Path));
    }

    [Fact]
    public void Validate_MixedPhases_IsRefused()
    {
        var message = CdarSamples.For(LifecycleStatus.Approved);
        message = message with { Reports = [message.Reports[0], message.Reports[0] with { Status = LifecycleStatus.Rejected }] };

        Assert.Equal("FR-CDAR-PHASE", Assert.Single(CdarWriter.Validate(message).Errors).RuleId);
    }

    [Fact]
    public void Validate_BadPartiesAndFields_NameEachRuleAndField()
    {
        var message = CdarSamples.For(LifecycleStatus.Approved) with
        {
            MessageId = " ",
            BusinessProcess = "OTHER",
            Sender = new CdarParty { Role = "XX", Id = Identifier.Siren(CdarSamples.BuyerSiren) },
            Issuer = new CdarParty { Role = CdarRoles.Buyer },
            Recipients = [new CdarParty { Role = CdarRoles.Seller }, new CdarParty { Role = "ZZ" }],
        };
        var report = message.Reports[0] with { InvoiceNumber = "", InvoiceIssueDate = null, DocumentTypeCode = "999", Seller = new CdarParty { Role = CdarRoles.Buyer }, Amounts = [new StatusAmount("XYZ", 1m, VatRate: 120m)] };
        message = message with { Reports = [report] };

        var found = CdarWriter.Validate(message).Errors.Select(i => (i.RuleId, i.Path)).ToHashSet();

        Assert.Equal(
            new HashSet<(string, string)>
            {
                ("BR-FR-CDV-03", "messageId"),
                ("BR-FR-CDV-CL-01", "businessProcess"),
                ("BR-FR-CDV-CL-02_MDT-21_23", "sender.role"),
                ("BR-FR-CDV-CL-09_MDT-113_210B2G", "sender.id"),
                ("BR-FR-CDV-07_MDT-38_yes", "issuer.id"),
                ("BR-FR-CDV-08_MDT-73", "recipients[0].electronicAddress"),
                ("BR-FR-CDV-CL-04_MDT-59", "recipients[1].role"),
                ("BR-FR-CDV-10", "reports[0].invoiceNumber"),
                ("BR-FR-CDV-11_MDG-35", "reports[0].invoiceIssueDate"),
                ("BR-FR-04_MDT-91", "reports[0].documentTypeCode"),
                ("BR-FR-CDV-CL-07_MDT-132", "reports[0].seller.role"),
                ("BR-FR-CDV-13_MDT-129", "reports[0].seller"),
                ("BR-FR-CDV-CL-11_MDT-207", "reports[0].amounts[0].type"),
                ("FR-CDAR-VAT-RATE", "reports[0].amounts[0].vatRate"),
            },
            found);
    }

    [Fact]
    public void Validate_TransmissionStatusFromABusiness_NamesThePlatformRoleRules()
    {
        var message = CdarSamples.For(LifecycleStatus.Rejected) with { Sender = CdarParty.Buyer(CdarSamples.BuyerSiren) with { Id = null }, Issuer = CdarParty.Buyer(CdarSamples.BuyerSiren) };

        var rules = CdarWriter.Validate(message).Errors.Select(i => i.RuleId).ToList();

        Assert.Equal(["BR-FR-CDV-CL-02_MDT-21_305", "BR-FR-CDV-CL-03_MDT-40_305"], rules);
    }

    [Fact]
    public void Validate_TextWithACharacterXmlCannotCarry_IsRefusedNotThrownByTheXmlWriter()
    {
        var message = CdarSamples.For(LifecycleStatus.Disputed, new StatusReason("QTE_ERR", "bad \u0001 text"));

        var error = Assert.Throws<InvoiceValidationException>(() => CdarWriter.ToBytes(message));

        Assert.Equal(("FR-CDAR-TEXT", "reports[0].reasons[0].text"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public void Validate_UnlistedStatusNumber_IsRefused()
    {
        var message = CdarSamples.For(LifecycleStatus.Approved);
        message = message with { Reports = [message.Reports[0] with { Status = (LifecycleStatus)299 }] };

        Assert.Equal("BR-FR-CDV-CL-06_MDT-105", Assert.Single(CdarWriter.Validate(message).Errors).RuleId);
    }
}
