using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Portal.Browser.Tests;

/// <summary>A real Kestrel host on a free loopback port (not TestServer: the browser needs a socket).</summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private KestrelHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    /// <summary>The host's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<KestrelHost> StartAsync(Action<WebApplicationBuilder> configureServices, Action<WebApplication> configureApp)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configureServices(builder);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Uri Url(string relative) => new(Address, relative.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
