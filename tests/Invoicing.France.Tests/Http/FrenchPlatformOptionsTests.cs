using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.France.Tests.Http;

/// <summary>The options are checked when the host starts, each with a message naming the option.</summary>
public sealed class FrenchPlatformOptionsTests
{
    [Theory]
    [InlineData("FlowServiceUrl")]
    [InlineData("DirectoryServiceUrl")]
    [InlineData("TokenUrl")]
    [InlineData("ClientId")]
    [InlineData("PlatformName")]
    [InlineData("MaxRetries")]
    [InlineData("InvoiceSyntax")]
    public async Task Start_InvalidOption_FailsNamingIt(string option)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddFrenchPlatform(o =>
        {
            Valid(o);
            switch (option)
            {
                case "FlowServiceUrl": o.FlowServiceUrl = new Uri("/flow", UriKind.Relative); break;
                case "DirectoryServiceUrl": o.DirectoryServiceUrl = new Uri("ftp://directory.example.com"); break;
                case "TokenUrl": o.TokenUrl = null; break;
                case "ClientId": o.ClientId = " "; break;
                case "PlatformName": o.PlatformName = "a b"; break;
                case "MaxRetries": o.MaxRetries = 11; break;
                case "InvoiceSyntax": o.InvoiceSyntax = FlowSyntax.Cdar; break;
            }
        });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidOptions_Starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddFrenchPlatform(Valid);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<IFlowServiceClient>());
    }

    private static void Valid(FrenchPlatformOptions o)
    {
        o.FlowServiceUrl = new Uri("https://api.flow.example.com/flow-service");
        o.DirectoryServiceUrl = new Uri("https://api.directory.example.com/directory-service");
        o.TokenUrl = new Uri("https://auth.example.com/token");
        o.ClientId = "client";
        o.ClientSecret = "secret";
    }
}
