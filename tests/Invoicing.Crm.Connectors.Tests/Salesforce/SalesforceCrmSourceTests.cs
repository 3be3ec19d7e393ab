using Invoicing.Crm.Connectors.Tests.Support;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Salesforce;

public sealed class SalesforceCrmSourceTests : IDisposable
{
    private readonly FakeCrm _crm = new();
    private readonly SalesforceCase _connector = new();

    public SalesforceCrmSourceTests() => _connector.StubAll(_crm);

    public void Dispose() => _crm.Dispose();

    [Fact]
    public async Task DealsAsync_SendsTheDocumentedSoqlThenFollowsNextRecordsUrl()
    {
        using var provider = _connector.Build(_crm);

        await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null);

        var requests = _crm.Log.Where(_connector.IsDealsPage).ToList();
        Assert.Equal(
            "SELECT Id, Name, AccountId, StageName, IsWon, CloseDate, SystemModstamp, Payment_Days__c, "
            + "(SELECT Id, Name, Description, ProductCode, Quantity, UnitPrice, Discount, SystemModstamp, Product2.Name, VAT_Category__c, VAT_Rate__c FROM OpportunityLineItems ORDER BY SortOrder) "
            + "FROM Opportunity WHERE IsWon = true ORDER BY SystemModstamp ASC",
            SalesforceCase.Soql(requests[0]));
        Assert.Equal("batchSize=200", requests[0].RequestMessage.Headers!["Sforce-Query-Options"].Single());
        Assert.Equal(SalesforceCase.QueryPath + "/01g5g00000QueryAAA-2", requests[1].RequestMessage.Path);
        Assert.Equal(SalesforceCase.QueryPath + "/01g5g00000QueryAAA-4", requests[2].RequestMessage.Path);
    }

    [Fact]
    public async Task DealsAsync_MapsOpportunitiesAndTheirLineItems()
    {
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(page => page.Items).ToList();

        var first = deals[0];
        Assert.Equal("0065g00000Opp01AAA", first.Id);
        Assert.Equal("0015g00000XyZ01AAB", first.CustomerId);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 1), first.ClosedOn);
        Assert.Null(first.Currency);
        Assert.Equal(30, first.PaymentDays);
        Assert.Equal("Suspension laiton", first.Lines[0].Name);
        Assert.Equal(189.9m, first.Lines[0].UnitPrice);
        Assert.Equal("Pose", first.Lines[1].Name);
        Assert.Equal("S", first.Lines[1].VatCategory);
    }

    [Fact]
    public async Task DealsAsync_ADiscount_LowersTheUnitPrice()
    {
        var page = _crm.Fixture("Salesforce", "opportunities-page-1.json").Replace("\"Discount\": null", "\"Discount\": 10.0", StringComparison.Ordinal);
        _crm.Server.Given(_connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(page));
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(p => p.Items).ToList();

        Assert.Equal(170.91m, deals[0].Lines[0].UnitPrice);
    }

    [Fact]
    public async Task DealsAsync_ANextRecordsUrlOffTheApi_IsRefusedNotFollowed()
    {
        var page = _crm.Fixture("Salesforce", "opportunities-page-1.json")
            .Replace("/services/data/v60.0/query/01g5g00000QueryAAA-2", "https://evil.example/services/data/v60.0/query/x", StringComparison.Ordinal);
        _crm.Server.Given(_connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(page));
        using var provider = _connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.MalformedResponse, error.Reason);
        Assert.Equal("nextRecordsUrl", error.Field);
        Assert.Single(_crm.Log, _connector.IsDealsPage);
    }

    [Fact]
    public async Task DealsAsync_AQueryRefused_NamesSalesforcesErrorCode()
    {
        _crm.Server.Given(_connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(
            "[{\"message\":\"No such column 'VAT_Rate__c' on entity 'OpportunityLineItem'.\",\"errorCode\":\"INVALID_FIELD\"}]", 400));
        using var provider = _connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal("salesforce: the CRM refused the request for Opportunity query page (400 INVALID_FIELD).", error.Message);
    }

    [Fact]
    public async Task CustomersAsync_SplitsTheBillingStreetAndTakesTheFirstContact()
    {
        using var provider = _connector.Build(_crm);

        var customers = new List<CrmCustomer>();
        await foreach (var page in ConnectorCase.Source(provider).CustomersAsync(null))
        {
            customers.AddRange(page.Items);
        }

        var dupont = customers[0];
        Assert.Equal("3 place du Marché", dupont.Address?.Line1);
        Assert.Equal("Bâtiment B", dupont.Address?.Line2);
        Assert.Equal("987654324", dupont.Siren);
        Assert.Equal("Marie Dupont", dupont.ContactName);
        Assert.Contains("(SELECT Id, Name, Email, Phone FROM Contacts ORDER BY CreatedDate LIMIT 1)", SalesforceCase.Soql(_crm.Log[0]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0015g00000XyZ01' OR Name != '")]
    [InlineData("short")]
    public async Task GetCustomerAsync_AnIdThatIsNoSalesforceId_IsNoneWithoutAQuery(string id)
    {
        using var provider = _connector.Build(_crm);

        Assert.Null(await ConnectorCase.Source(provider).GetCustomerAsync(id));
        Assert.Empty(_crm.Log);
    }

    [Fact]
    public async Task GetCustomerAsync_Known_QueriesItById()
    {
        using var provider = _connector.Build(_crm);

        var customer = await ConnectorCase.Source(provider).GetCustomerAsync("0015g00000XyZ02AAB");

        Assert.Equal("Garage Martin", customer?.Name);
        Assert.Contains("WHERE Id = '0015g00000XyZ02AAB'", SalesforceCase.Soql(_crm.Log.Single()), StringComparison.Ordinal);
    }
}
