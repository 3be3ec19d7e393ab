using Microsoft.Extensions.Options;

namespace Invoicing.Crm.Http;

/// <summary>
/// Checks what every connector needs (a way to get a token, retry settings the pipeline accepts) and then what the
/// connector itself adds, so a host misconfigured fails at start with every problem named, not at the first sync.
/// </summary>
internal sealed class CrmConnectorOptionsValidator<TOptions>(string source, Func<TOptions, IEnumerable<string>> connectorChecks) : IValidateOptions<TOptions>
    where TOptions : CrmConnectorOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = CommonChecks(options).Concat(connectorChecks(options)).Select(failure => $"{source}: {failure}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> CommonChecks(TOptions options)
    {
        var refreshParts = new[] { options.RefreshToken, options.ClientId, options.ClientSecret }.Count(part => !string.IsNullOrWhiteSpace(part));
        if (string.IsNullOrWhiteSpace(options.AccessToken) && refreshParts == 0)
        {
            yield return "set AccessToken, or RefreshToken with ClientId and ClientSecret.";
        }
        else if (refreshParts is > 0 and < 3)
        {
            yield return "RefreshToken, ClientId and ClientSecret go together: set all three or none.";
        }

        if (refreshParts == 3 && !IsHttpUrl(options.TokenEndpoint))
        {
            yield return "TokenEndpoint must be an absolute http or https URL.";
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            yield return "MaxRetries must be 0 to 10.";
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return "RetryDelay must be positive and at most 1 minute.";
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromHours(1))
        {
            yield return "AttemptTimeout must be 10 ms to 1 hour.";
        }

        if (options.TotalTimeout <= options.AttemptTimeout || options.TotalTimeout > TimeSpan.FromDays(1))
        {
            yield return "TotalTimeout must be longer than AttemptTimeout and at most 1 day.";
        }

        if (options.PageSize is < 1 or > 1000)
        {
            yield return "PageSize must be 1 to 1000 (and within the CRM's own maximum).";
        }
    }

    /// <summary>Whether a URL is absolute http or https, the only kinds a connector may call.</summary>
    public static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
