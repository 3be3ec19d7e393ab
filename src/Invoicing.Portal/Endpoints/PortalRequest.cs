using Invoicing.Core;
using Invoicing.Portal.Accounts;
using Invoicing.Portal.Rendering;
using Invoicing.Portal.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Portal.Endpoints;

/// <summary>
/// One request to the portal: the customer of its session (if any), its language and today's date in the customer's
/// time zone, and the answers every endpoint gives (pages, not found, refused).
/// </summary>
internal sealed class PortalRequest
{
    private PortalRequest(HttpContext http, string basePath, string? customerKey, PortalText text, LocalDate today)
    {
        Http = http;
        BasePath = basePath;
        CustomerKey = customerKey;
        Text = text;
        Today = today;
        Options = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        Documents = new CustomerDocuments(http.RequestServices.GetRequiredService<IInvoiceStore>(), http.RequestServices.GetService<IDunningSettingsStore>());
    }

    public HttpContext Http { get; }

    public string BasePath { get; }

    /// <summary>The customer of the session; null without a valid session.</summary>
    public string? CustomerKey { get; }

    public PortalText Text { get; }

    public LocalDate Today { get; }

    public PortalOptions Options { get; }

    public CustomerDocuments Documents { get; }

    public IServiceProvider Services => Http.RequestServices;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Reads the session cookie and settles the language and the date.</summary>
    public static async Task<PortalRequest> OpenAsync(HttpContext http, string prefix)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var tokens = services.GetRequiredService<PortalTokens>();
        var customerKey = tokens.ReadSessionToken(SessionCookie.Read(http));
        var dunning = services.GetService<IDunningSettingsStore>();
        var settings = customerKey is not null && dunning is not null
            ? await dunning.GetCustomerAsync(customerKey, http.RequestAborted).ConfigureAwait(false)
            : null;
        var zone = ZoneOf(settings?.TimeZoneId) ?? ZoneOf(services.GetRequiredService<IOptions<InvoicingOptions>>().Value.TimeZone) ?? DateTimeZone.Utc;
        var today = tokens.Clock.GetCurrentInstant().InZone(zone).Date;
        return new PortalRequest(http, http.Request.PathBase + prefix, customerKey, PortalLanguage.Resolve(http, settings, options), today);
    }

    public string ListPath => BasePath + "/invoices";

    /// <summary>The context of a page; a page with forms gets this request's anti-forgery token.</summary>
    public PageContext Page(string returnPath, bool withForms)
    {
        (string, string)? token = null;
        if (withForms)
        {
            var tokens = Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
            token = (tokens.FormFieldName, tokens.RequestToken!);
        }

        return new PageContext(Text, BasePath, Options.Title ?? Text.DefaultTitle, returnPath, CustomerKey is not null && withForms, token);
    }

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>A page that only says something; it never echoes the request, so equal causes give equal bytes.</summary>
    public IResult Message(int status, string heading, string message, bool linkToList = false) =>
        Html(MessagePage.Render(Page(ListPath, withForms: false), heading, message, linkToList), status);

    /// <summary>The one answer for a number that does not exist and for another customer's document.</summary>
    public IResult NotFound() => Message(StatusCodes.Status404NotFound, Text.NotFoundTitle, Text.NotFoundText, CustomerKey is not null);

    /// <summary>No valid session (never opened, expired, tampered cookie).</summary>
    public IResult SessionEnded() => Message(StatusCodes.Status403Forbidden, Text.SessionTitle, Text.SessionText);

    /// <summary>A POST whose anti-forgery token is missing or wrong.</summary>
    public IResult BadForm() => Message(StatusCodes.Status400BadRequest, Text.BadRequestTitle, Text.BadRequestText, CustomerKey is not null);

    /// <summary>Whether the POST carries a valid anti-forgery token.</summary>
    public Task<bool> IsFormValidAsync() => Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Http);

    public IResult SeeOther(string path)
    {
        Http.Response.Headers.Location = path;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static DateTimeZone? ZoneOf(string? id) => id is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
}
