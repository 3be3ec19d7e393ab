namespace Invoicing.France.Http;

/// <summary>The <c>GET /v1/healthcheck</c> both services have: up on 2xx, down on an error answer or none.</summary>
internal static class Health
{
    public static async Task<bool> CheckAsync(PlatformHttp http, string action, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/healthcheck");
        try
        {
            using var response = await http.SendAsync(request, action, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FrenchPlatformException e) when (e.IsTransient)
        {
            return false;
        }
    }
}
