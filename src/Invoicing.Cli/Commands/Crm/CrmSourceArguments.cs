using Invoicing.Crm;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// What <c>invoicing crm sync</c> hands a source factory: the connection options of the command line, each falling
/// back to an environment variable so a token need not appear in the shell history.
/// </summary>
internal sealed record CrmSourceArguments
{
    /// <summary>The source name given to <c>--source</c>, lower case.</summary>
    public required string Source { get; init; }

    /// <summary><c>--base-url</c>, else <c>INVOICING_CRM_BASE_URL</c>: the CRM's API address (a test server in tests).</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>--token</c>, else <c>INVOICING_CRM_TOKEN</c>: an access token (or private-app token).</summary>
    public string? Token { get; init; }

    /// <summary><c>--refresh-token</c>, else <c>INVOICING_CRM_REFRESH_TOKEN</c>.</summary>
    public string? RefreshToken { get; init; }

    /// <summary><c>--client-id</c>, else <c>INVOICING_CRM_CLIENT_ID</c>.</summary>
    public string? ClientId { get; init; }

    /// <summary><c>--client-secret</c>, else <c>INVOICING_CRM_CLIENT_SECRET</c>.</summary>
    public string? ClientSecret { get; init; }

    /// <summary><c>--token-url</c>, else <c>INVOICING_CRM_TOKEN_URL</c>: where the token is refreshed.</summary>
    public string? TokenUrl { get; init; }

    /// <summary><c>--customers</c>: the customers file of the CSV source.</summary>
    public string? CustomersFile { get; init; }

    /// <summary><c>--lines</c>: the lines file of the CSV source.</summary>
    public string? LinesFile { get; init; }

    /// <summary><c>--skip-invalid</c>: import the good rows of a file that has bad ones.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The custom property names (<c>--siren-field</c>, <c>--vat-id-field</c>, <c>--vat-category-field</c>).</summary>
    public CrmFieldMapping Fields { get; init; } = new();
}
