using Invoicing.Core;
using Invoicing.France.Tests.Platform;

namespace Invoicing.France.Tests.Directory;

/// <summary>The Directory Service client: lookups, and where an invoice goes, against the AFNOR document.</summary>
public sealed class DirectoryServiceClientTests : IDisposable
{
    // Valid SIREN/SIRET (Luhn): 732829320 and 73282932000074.
    private const string Siren = "732829320";
    private const string Siret = "73282932000074";
    private readonly FakePlatform _platform = new();
    private readonly PlatformClients _clients;

    public DirectoryServiceClientTests()
    {
        _clients = new PlatformClients(_platform);
        _platform.Lines.Add(new DirectoryLineRow("732829320", Siren));
        _platform.Lines.Add(new DirectoryLineRow("732829320_00074", Siren, Siret));
        _platform.Lines.Add(new DirectoryLineRow("732829320_00074_AP", Siren, Siret, "AP-01"));
        _platform.Lines.Add(new DirectoryLineRow("732829320_OLD", Siren, Status: "Disabled"));
    }

    [Fact]
    public async Task FindRouteAsync_CompanyOnly_TheCompanyLine()
    {
        var line = await _clients.Directory.FindRouteAsync(Siren);

        Assert.Equal("732829320", line.AddressingIdentifier);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task FindRouteAsync_FacilityAndRoutingCode_TheMostPreciseLine()
    {
        var facility = await _clients.Directory.FindRouteAsync(Siren, Siret);
        var code = await _clients.Directory.FindRouteAsync(Siren, Siret, "AP-01");

        Assert.Equal("732829320_00074", facility.AddressingIdentifier);
        Assert.Equal("732829320_00074_AP", code.AddressingIdentifier);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task FindRouteAsync_BuyerNotInDirectory_TypedError()
    {
        var e = await Assert.ThrowsAsync<BuyerNotInDirectoryException>(() => _clients.Directory.FindRouteAsync("552100554"));

        Assert.Equal("552100554", e.Siren);
        Assert.Contains("552100554", e.Message, StringComparison.Ordinal);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task FindRouteAsync_OnlyDisabledLines_TypedError()
    {
        _platform.Lines.Add(new DirectoryLineRow("552100554", "552100554", Status: "Disabled"));

        await Assert.ThrowsAsync<BuyerNotInDirectoryException>(() => _clients.Directory.FindRouteAsync("552100554"));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("732829321")]
    [InlineData("ABCDEFGHI")]
    [InlineData("")]
    public async Task FindRouteAsync_MalformedSiren_RefusedBeforeAnyCall(string siren)
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Directory.FindRouteAsync(siren));

        var issue = Assert.Single(e.Issues);
        Assert.Equal("PA-SIREN", issue.RuleId);
        Assert.Equal("siren", issue.Path);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task SearchLinesAsync_SiretOfAnotherCompany_RefusedBeforeAnyCall()
    {
        var e = await Assert.ThrowsAsync<InvoiceValidationException>(() => _clients.Directory.SearchLinesAsync("552100554", Siret));

        Assert.Equal("siret", Assert.Single(e.Issues).Path);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public async Task Lookups_KnownAndUnknown_ValueOrNull()
    {
        var unit = await _clients.Directory.GetLegalUnitAsync(Siren);
        var facility = await _clients.Directory.GetFacilityAsync(Siret);
        var code = await _clients.Directory.GetRoutingCodeAsync(Siret, "AP-01");
        var line = await _clients.Directory.GetLineAsync("732829320_00074");
        var noUnit = await _clients.Directory.GetLegalUnitAsync("552100554");
        var noCode = await _clients.Directory.GetRoutingCodeAsync(Siret, "NONE");

        Assert.True(unit!.IsActive);
        Assert.Equal("Buyer 732829320", unit.BusinessName);
        Assert.True(facility!.IsMainFacility);
        Assert.Equal(Siren, facility.Siren);
        Assert.True(code!.ManagesLegalCommitment);
        Assert.Equal(Siret, line!.Siret);
        Assert.Null(noUnit);
        Assert.Null(noCode);
        Assert.True(await _clients.Directory.IsHealthyAsync());
        _platform.AssertConformant();
    }

    public void Dispose()
    {
        _clients.Dispose();
        _platform.Dispose();
    }
}
