using Microsoft.AspNetCore.Http;

namespace Invoicing.Portal.Endpoints;

/// <summary>The portal's only style sheet, embedded in the assembly: the CSP allows styles from the portal itself and nothing inline.</summary>
internal static class StyleSheet
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("Invoicing.Portal.portal.css")
            ?? throw new InvalidOperationException("The portal's style sheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.Remove("Pragma");
        return Results.Bytes(Content.Value, "text/css; charset=utf-8");
    }
}
