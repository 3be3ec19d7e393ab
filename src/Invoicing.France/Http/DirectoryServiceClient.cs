using System.Net;
using Microsoft.Extensions.Options;

namespace Invoicing.France.Http;

/// <summary>The Directory Service over HTTP, with the shapes of <c>directory-service-1.3.0.json</c>.</summary>
internal sealed class DirectoryServiceClient(IHttpClientFactory httpClients, IOptionsMonitor<FrenchPlatformOptions> options) : IDirectoryServiceClient
{
    /// <summary>The name of the <see cref="HttpClient"/> of the Directory Service.</summary>
    public const string ClientName = "Invoicing.France.Directory";

    /// <summary>More lines than a company plausibly has for one facility and code; the search is not paged further.</summary>
    private const int LineLimit = 100;

    private PlatformHttp Http => new(httpClients.CreateClient(ClientName), options);

    public async Task<LegalUnit?> GetLegalUnitAsync(string siren, CancellationToken cancellationToken = default)
    {
        var id = PlatformInput.Siren(siren, "siren");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/siren/code-insee:{id}");
        var unit = await Http.ReadAsync(request, PlatformJsonContext.Default.LegalUnitDto, $"look up the SIREN {id}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return unit is null ? null : new LegalUnit(unit.Siren ?? id, unit.BusinessName, unit.EntityType, unit.AdministrativeStatus != "C");
    }

    public async Task<Facility?> GetFacilityAsync(string siret, CancellationToken cancellationToken = default)
    {
        var id = PlatformInput.Siret(siret, "siret");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/siret/code-insee:{id}");
        var facility = await Http.ReadAsync(request, PlatformJsonContext.Default.FacilityDto, $"look up the SIRET {id}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return facility is null ? null : new Facility(facility.Siret ?? id, facility.Siren ?? id[..9], facility.Name, facility.FacilityType == "P", facility.AdministrativeStatus != "C");
    }

    public async Task<RoutingCode?> GetRoutingCodeAsync(string siret, string routingIdentifier, CancellationToken cancellationToken = default)
    {
        var id = PlatformInput.Siret(siret, "siret");
        var code = PlatformInput.RoutingIdentifier(routingIdentifier, "routingIdentifier");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/routing-code/siret:{id}/code:{Uri.EscapeDataString(code)}");
        var found = await Http.ReadAsync(request, PlatformJsonContext.Default.RoutingCodeDto, $"look up the routing code {code} of the SIRET {id}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return found is null
            ? null
            : new RoutingCode(found.Siret ?? id, found.RoutingIdentifier ?? code, found.RoutingCodeName, found.AdministrativeStatus != "C", found.ManagesLegalCommitmentCode == true);
    }

    public async Task<DirectoryLine?> GetLineAsync(string addressingIdentifier, CancellationToken cancellationToken = default)
    {
        var address = PlatformInput.Text(addressingIdentifier, "addressingIdentifier", 125, "PA-ADDRESS", "A directory address");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/directory-line/code:{Uri.EscapeDataString(address)}");
        var line = await Http.ReadAsync(request, PlatformJsonContext.Default.DirectoryLineDto, $"look up the directory address {address}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return line is null ? null : ToLine(line);
    }

    public async Task<IReadOnlyList<DirectoryLine>> SearchLinesAsync(string siren, string? siret = null, string? routingIdentifier = null, CancellationToken cancellationToken = default)
    {
        var company = PlatformInput.Siren(siren, "siren");
        var facility = siret is null ? null : PlatformInput.Siret(siret, "siret");
        if (facility is not null && !facility.StartsWith(company, StringComparison.Ordinal))
        {
            throw PlatformInput.Invalid("PA-SIRET", "siret", $"The SIRET {facility} is not a facility of the SIREN {company}: a SIRET starts with its SIREN.");
        }

        var code = routingIdentifier is null ? null : PlatformInput.RoutingIdentifier(routingIdentifier, "routingIdentifier");
        var filters = new DirectoryLineFiltersDto(
            new StrictFilterDto("strict", company),
            facility is null ? null : new StrictFilterDto("strict", facility),
            code is null ? null : new StrictFilterDto("strict", code));
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/directory-line/search")
        {
            Content = PlatformHttp.Json(new SearchDirectoryLineDto(filters, LineLimit), PlatformJsonContext.Default.SearchDirectoryLineDto),
        };
        var found = await Http.ReadAsync(request, PlatformJsonContext.Default.DirectoryLineSearchResponseDto, $"search the directory for the SIREN {company}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return found?.Results is { } results ? [.. results.Where(l => l.AddressingIdentifier is not null).Select(ToLine)] : [];
    }

    public async Task<DirectoryLine> FindRouteAsync(string siren, string? siret = null, string? routingIdentifier = null, CancellationToken cancellationToken = default)
    {
        var lines = await SearchLinesAsync(siren, siret, routingIdentifier, cancellationToken).ConfigureAwait(false);
        return DirectoryRoute.Choose(lines, siren.Replace(" ", string.Empty, StringComparison.Ordinal), siret?.Replace(" ", string.Empty, StringComparison.Ordinal), routingIdentifier)
            ?? throw new BuyerNotInDirectoryException(siren, siret);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Health.CheckAsync(Http, "check the Directory Service", cancellationToken);

    private static DirectoryLine ToLine(DirectoryLineDto dto) => new(
        dto.AddressingIdentifier!,
        dto.Siren ?? string.Empty,
        dto.Siret,
        dto.RoutingIdentifier,
        dto.AddressingSuffix,
        dto.PlatformType,
        dto.DirectoryLineStatus ?? DirectoryLineStatus.Enabled);
}
