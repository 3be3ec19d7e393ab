using Invoicing.Mail.Smtp.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>The sender made without dependency injection checks its options as the host does at start.</summary>
public sealed class CreateSmtpSenderTests
{
    private static SmtpMailOptions Valid() => new() { Host = "127.0.0.1", From = "relances@atelier.example" };

    [Theory]
    [MemberData(nameof(OptionsValidationTests.BadSmtpOptions), MemberType = typeof(OptionsValidationTests))]
    public void CreateSmtpSender_BadOption_OptionsValidationExceptionNamingIt(string option, Action<SmtpMailOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var error = Assert.Throws<OptionsValidationException>(() => MailServiceCollectionExtensions.CreateSmtpSender(options));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(option + " ", failure, StringComparison.Ordinal);
        Assert.Equal(typeof(SmtpMailOptions), error.OptionsType);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.StartTlsWhenAvailable)]
    [InlineData(SmtpSecurity.SslOnConnect)]
    public void CreateSmtpSender_TrustedCertificatesWithTls_Accepted(SmtpSecurity security)
    {
        var options = Valid();
        options.Security = security;
        options.TrustedCertificates.Add(TestCertificates.PublicPart(TestCertificates.Loopback));

        Assert.NotNull(MailServiceCollectionExtensions.CreateSmtpSender(options));
    }

    [Fact]
    public void CreateSmtpSender_Null_ArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => MailServiceCollectionExtensions.CreateSmtpSender(null!));

        Assert.Equal("options", error.ParamName);
    }
}
