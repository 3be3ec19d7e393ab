using Invoicing.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Payments.Stripe.Tests.DependencyInjection;

public sealed class StripePaymentsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddStripePayments_RegistersTheProviderAndTheRecorder()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore();
        services.AddStripePayments(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("stripe", provider.GetRequiredService<IPaymentLinkProvider>().Name);
        Assert.NotNull(provider.GetRequiredService<IPaymentRecorder>());
        Assert.Equal(TimeSpan.FromSeconds(300), provider.GetRequiredService<IOptions<StripePaymentOptions>>().Value.SignatureTolerance);
    }

    public static TheoryData<string, string> BadOptions() => new()
    {
        { "no secret key", "SecretKey" },
        { "a publishable key", "SecretKey" },
        { "no signing secret", "WebhookSigningSecret" },
        { "a signing secret without whsec_", "WebhookSigningSecret" },
        { "no tolerance", "SignatureTolerance" },
        { "a day of tolerance", "SignatureTolerance" },
        { "a relative API base", "ApiBase" },
        { "negative retries", "MaxNetworkRetries" },
        { "no timeout", "RequestTimeout" },
        { "no line label", "LineItemLabel" },
        { "a tiny body limit", "MaxWebhookBodyBytes" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Start_WithABadOption_FailsNamingIt(string kind, string option)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Services.AddInvoicing().UseInMemoryStore();
        builder.Services.AddStripePayments(o =>
        {
            Valid(o);
            Break(o, kind);
        });
        await using var app = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"StripePaymentOptions.{option}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapStripeWebhook_WithoutAddStripePayments_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapStripeWebhook());

        Assert.Contains("AddStripePayments", exception.Message, StringComparison.Ordinal);
    }

    private static void Valid(StripePaymentOptions o)
    {
        o.SecretKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
        o.WebhookSigningSecret = StripeTestHost.Secret;
    }

    private static void Break(StripePaymentOptions o, string kind)
    {
        switch (kind)
        {
            case "no secret key": o.SecretKey = null; break;
            case "a publishable key": o.SecretKey = "pk_test_TYooMQauvdEDq54NiTphI7jx"; break;
            case "no signing secret": o.WebhookSigningSecret = " "; break;
            case "a signing secret without whsec_": o.WebhookSigningSecret = "5f0c6a1e2b3d4c5e6f708192a3b4c5d6"; break;
            case "no tolerance": o.SignatureTolerance = TimeSpan.Zero; break;
            case "a day of tolerance": o.SignatureTolerance = TimeSpan.FromDays(1); break;
            case "a relative API base": o.ApiBase = new Uri("/v1", UriKind.Relative); break;
            case "negative retries": o.MaxNetworkRetries = -1; break;
            case "no timeout": o.RequestTimeout = TimeSpan.Zero; break;
            case "no line label": o.LineItemLabel = ""; break;
            case "a tiny body limit": o.MaxWebhookBodyBytes = 10; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
