namespace Invoicing.France;

/// <summary>
/// The national e-invoicing directory through the platform's Directory Service (AFNOR XP Z12-013): companies by SIREN,
/// facilities by SIRET, routing codes, and the directory lines that say where a buyer receives its invoices.
/// A lookup that finds nothing returns null; every failure is a <see cref="FrenchPlatformException"/>; a malformed
/// SIREN or SIRET is an <see cref="Core.InvoiceValidationException"/> raised before any call.
/// </summary>
public interface IDirectoryServiceClient
{
    /// <summary>The company with this SIREN (<c>GET /v1/siren/code-insee:{siren}</c>), or null.</summary>
    Task<LegalUnit?> GetLegalUnitAsync(string siren, CancellationToken cancellationToken = default);

    /// <summary>The facility with this SIRET (<c>GET /v1/siret/code-insee:{siret}</c>), or null.</summary>
    Task<Facility?> GetFacilityAsync(string siret, CancellationToken cancellationToken = default);

    /// <summary>A routing code of a facility (<c>GET /v1/routing-code/siret:{siret}/code:{routing-identifier}</c>), or null.</summary>
    Task<RoutingCode?> GetRoutingCodeAsync(string siret, string routingIdentifier, CancellationToken cancellationToken = default);

    /// <summary>The directory line with this address (<c>GET /v1/directory-line/code:{addressing-identifier}</c>), or null.</summary>
    Task<DirectoryLine?> GetLineAsync(string addressingIdentifier, CancellationToken cancellationToken = default);

    /// <summary>The directory lines of a company, narrowed to a facility and a routing code when given (<c>POST /v1/directory-line/search</c>).</summary>
    Task<IReadOnlyList<DirectoryLine>> SearchLinesAsync(string siren, string? siret = null, string? routingIdentifier = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where an invoice to this buyer goes: of its lines in force, the most precise for what is given (the routing
    /// code's, then the facility's, then the company's).
    /// </summary>
    /// <exception cref="BuyerNotInDirectoryException">No line in force routes to this buyer.</exception>
    Task<DirectoryLine> FindRouteAsync(string siren, string? siret = null, string? routingIdentifier = null, CancellationToken cancellationToken = default);

    /// <summary>Whether the Directory Service is up (<c>GET /v1/healthcheck</c>).</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}
