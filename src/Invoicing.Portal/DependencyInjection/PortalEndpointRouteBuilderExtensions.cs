using Invoicing.Portal.Endpoints;
using Invoicing.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Portal;

/// <summary>Maps the customer portal's pages.</summary>
public static class PortalEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the portal under <paramref name="prefix"/>: <c>redeem</c> (the magic link), <c>invoices</c>,
    /// <c>invoices/{number}</c> with <c>/pdf</c>, <c>/facturx</c>, <c>/pay</c> and <c>/dispute</c>, <c>language/{code}</c>,
    /// <c>sign-out</c> and <c>portal.css</c>. Every response carries the portal's security headers, including its
    /// answers to unknown paths under the prefix. <see cref="PortalOptions.PublicBaseUrl"/> must be the public address
    /// of this prefix.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix does not start with '/' or contains a route parameter.</exception>
    /// <exception cref="InvalidOperationException"><see cref="PortalServiceCollectionExtensions.AddInvoicingPortal"/> was not called.</exception>
    public static RouteGroupBuilder MapInvoicingPortal(this IEndpointRouteBuilder endpoints, string prefix = "/portal")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        prefix = prefix.TrimEnd('/');
        if ((prefix.Length > 0 && prefix[0] != '/') || prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The portal prefix '{prefix}' must be a path starting with '/', without route parameters.", nameof(prefix));
        }

        if (endpoints.ServiceProvider.GetService<PortalServiceCollectionExtensions.PortalMarker>() is null)
        {
            throw new InvalidOperationException("Call services.AddInvoicingPortal(...) before app.MapInvoicingPortal(...).");
        }

        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(async (context, next) =>
        {
            SecurityHeaders.Apply(context.HttpContext);
            return await next(context).ConfigureAwait(false);
        });
        group.MapGet("/", (HttpContext http) => Results.Redirect(http.Request.PathBase + prefix + "/invoices"));
        group.MapGet("/redeem", (Delegate)((HttpContext http) => SessionEndpoints.RedeemAsync(http, prefix)));
        group.MapPost("/sign-out", (Delegate)((HttpContext http) => SessionEndpoints.SignOutAsync(http, prefix)));
        group.MapGet("/language/{code}", (HttpContext http, string code) => SessionEndpoints.LanguageAsync(http, prefix, code));
        group.MapGet("/invoices", (Delegate)((HttpContext http) => DocumentEndpoints.ListAsync(http, prefix)));
        group.MapGet("/invoices/{number}", (HttpContext http, string number) => DocumentEndpoints.DetailAsync(http, prefix, number));
        group.MapGet("/invoices/{number}/pdf", (HttpContext http, string number) => DocumentEndpoints.PdfAsync(http, prefix, number));
        group.MapGet("/invoices/{number}/facturx", (HttpContext http, string number) => DocumentEndpoints.FacturXAsync(http, prefix, number));
        group.MapPost("/invoices/{number}/pay", (HttpContext http, string number) => PayEndpoint.PayAsync(http, prefix, number));
        group.MapPost("/invoices/{number}/dispute", (HttpContext http, string number) => DisputeEndpoint.DisputeAsync(http, prefix, number));
        group.MapGet("/portal.css", StyleSheet.Serve);
        group.Map("/{**rest}", (Delegate)(async (HttpContext http) => (await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false)).NotFound()));
        return group;
    }
}
