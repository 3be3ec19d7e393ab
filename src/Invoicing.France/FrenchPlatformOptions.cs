namespace Invoicing.France;

/// <summary>
/// Where the approved platform (PA) is and how to sign in to it (OAuth 2 client credentials), with the retries and
/// timeouts of its calls. Validated when the host starts.
/// </summary>
public sealed class FrenchPlatformOptions
{
    /// <summary>The stable name of the platform in the store (1 to 100 letters, digits, '-', '_' or '.'): an invoice goes out once per platform name.</summary>
    public string PlatformName { get; set; } = "default";

    /// <summary>The base URL of the Flow Service (up to and including its service name, for example <c>https://api.flow.example.com/flow-service</c>).</summary>
    public Uri? FlowServiceUrl { get; set; }

    /// <summary>The base URL of the Directory Service (for example <c>https://api.directory.example.com/directory-service</c>).</summary>
    public Uri? DirectoryServiceUrl { get; set; }

    /// <summary>The platform's OAuth 2 token endpoint.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>The OAuth 2 client id the platform gave.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth 2 client secret the platform gave.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth 2 scope to ask for, or null for the platform's default.</summary>
    public string? Scope { get; set; }

    /// <summary>The organization to act for when the account serves several (<c>Organization-Id</c> header), or null.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The syntax invoices are sent in: a Factur-X PDF by default, or CII or UBL XML.</summary>
    public FlowSyntax InvoiceSyntax { get; set; } = FlowSyntax.FacturX;

    /// <summary>How many times a call failing for a passing reason (5xx, 408, 429, a timeout) is retried at once (0 to 10; 3 by default).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first delay between retries, doubled each time, unless the platform says how long to wait (<c>Retry-After</c>); 1 second by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take (30 seconds by default; a 100 MB flow may need more).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a send may hold its claim on an invoice (10 minutes by default). A host that dies while sending leaves
    /// the claim; after this time another run takes it over and first looks for the flow on the platform.
    /// </summary>
    public TimeSpan SendClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
