using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Mail.Smtp.Tests.Hosting;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<DunningOptions>> BadDunningOptions() => new()
    {
        { "DunningOptions.Policies", o => o.Policies = null! },
        { "DunningOptions.Calendar", o => o.Calendar = null! },
        { "DunningOptions.Rendering", o => o.Rendering = null! },
        { "DunningOptions.DefaultTimeZone", o => o.DefaultTimeZone = "Europe/Lyon" },
        { "DunningOptions.DefaultTimeZone", o => o.DefaultTimeZone = null! },
        { "DunningOptions.WorkerId", o => o.WorkerId = " " },
        { "DunningOptions.WorkerId", o => o.WorkerId = new string('w', 201) },
        { "DunningOptions.LeaseDuration", o => o.LeaseDuration = Duration.Zero },
        { "DunningOptions.RetryBackoff", o => o.RetryBackoff = Duration.FromMinutes(-1) },
        { "DunningOptions.MaxAttempts", o => o.MaxAttempts = 0 },
        { "DunningOptions.RunInterval", o => o.RunInterval = TimeSpan.Zero },
        { "DunningOptions.RunInterval", o => o.RunInterval = TimeSpan.FromSeconds(-5) },
        { "DunningOptions.MessageIdDomain", o => o.MessageIdDomain = "not a host" },
        { "DunningOptions.MessageIdDomain", o => o.MessageIdDomain = null! },
        { "DunningOptions.From", o => o.From = "relances" },
    };

    public static TheoryData<string, Action<SmtpMailOptions>> BadSmtpOptions() => new()
    {
        { "SmtpMailOptions.Host", o => o.Host = "" },
        { "SmtpMailOptions.Host", o => o.Host = null! },
        { "SmtpMailOptions.Port", o => o.Port = 0 },
        { "SmtpMailOptions.Port", o => o.Port = 65536 },
        { "SmtpMailOptions.From", o => o.From = "not an address" },
        { "SmtpMailOptions.From", o => o.From = "" },
        { "SmtpMailOptions.Timeout", o => o.Timeout = TimeSpan.Zero },
        { "SmtpMailOptions.RetryBackoff", o => o.RetryBackoff = TimeSpan.FromSeconds(-1) },
        { "SmtpMailOptions.MaxRetries", o => o.MaxRetries = -1 },
        { "SmtpMailOptions.MaxRetries", o => o.MaxRetries = 11 },
        { "SmtpMailOptions.Security", o => o.Security = (SmtpSecurity)42 },
        { "SmtpMailOptions.TrustedCertificates", o => o.TrustedCertificates = null! },
        { "SmtpMailOptions.TrustedCertificates", o => { o.Security = SmtpSecurity.None; o.TrustedCertificates.Add(TestCertificates.PublicPart(TestCertificates.Loopback)); } },
        { "SmtpMailOptions.TrustedCertificates", o => o.TrustedCertificates.Add(TestCertificates.IssuedThroughIntermediate().Intermediate) },
        { "SmtpMailOptions.TrustedCertificates", o => o.TrustedCertificates.Add(TestCertificates.IssuedByInternalAuthority().Server) },
    };

    [Theory]
    [MemberData(nameof(BadDunningOptions))]
    public async Task AddDunning_BadOption_HostFailsAtStartNamingIt(string option, Action<DunningOptions> spoil)
    {
        using var host = Build(b => b.AddDunning(spoil).UsePickupFolderMail(Path.GetTempPath(), "relances@atelier.example"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(option + " ", failure, StringComparison.Ordinal);
        Assert.Equal(typeof(DunningOptions), error.OptionsType);
    }

    [Theory]
    [MemberData(nameof(BadSmtpOptions))]
    public async Task UseSmtpMail_BadOption_HostFailsAtStartNamingIt(string option, Action<SmtpMailOptions> spoil)
    {
        using var host = Build(b => b.AddDunning().UseSmtpMail(o =>
        {
            o.Host = "127.0.0.1";
            o.From = "relances@atelier.example";
            spoil(o);
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(option + " ", failure, StringComparison.Ordinal);
        Assert.Equal(typeof(SmtpMailOptions), error.OptionsType);
    }

    [Fact]
    public async Task AddDunning_GoodOptions_HostStartsAndStops()
    {
        using var host = Build(b => b.AddDunning(o => o.RunInBackground = false).UseSmtpMail(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = 2525;
            o.From = "relances@atelier.example";
        }));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddDunning_NoMailSender_HostFailsAtStartNamingIMailSender()
    {
        using var host = Build(b => b.AddDunning());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(nameof(IMailSender), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "relances@atelier.example", "directory")]
    [InlineData("   ", "relances@atelier.example", "directory")]
    [InlineData("pickup", "not an address", "from")]
    [InlineData("pickup", "", "from")]
    public void UsePickupFolderMail_BadArgument_FailsAtRegistrationNamingIt(string directory, string from, string parameter)
    {
        var builder = new ServiceCollection().AddInvoicing();

        var error = Assert.ThrowsAny<ArgumentException>(() => builder.UsePickupFolderMail(directory, from));

        Assert.Equal(parameter, error.ParamName);
    }

    private static IHost Build(Action<IInvoicingBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services.AddInvoicing().UseInMemoryStore());
        return builder.Build();
    }
}
