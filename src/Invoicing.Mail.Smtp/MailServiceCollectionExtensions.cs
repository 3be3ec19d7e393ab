using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Invoicing.Mail.Smtp;

/// <summary>Registers a mail sender for the dunning runner.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>Sends reminders through an SMTP server (MailKit). Options are validated at start.</summary>
    public static IInvoicingBuilder UseSmtpMail(this IInvoicingBuilder builder, Action<SmtpMailOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SmtpMailOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "SmtpMailOptions.Host is required.")
            .Validate(o => o.Port is > 0 and < 65536, "SmtpMailOptions.Port must be 1..65535.")
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "SmtpMailOptions.From must be a mail address.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "SmtpMailOptions.Timeout must be positive.")
            .Validate(o => o.RetryBackoff >= TimeSpan.Zero, "SmtpMailOptions.RetryBackoff must not be negative.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "SmtpMailOptions.MaxRetries must be 0..10.")
            .Validate(o => Enum.IsDefined(o.Security), "SmtpMailOptions.Security is not a known mode.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IMailSender>(provider => new SmtpMailSender(provider.GetRequiredService<IOptions<SmtpMailOptions>>(), provider.GetService<TimeProvider>()));
        return builder;
    }

    /// <summary>Writes reminders as <c>.eml</c> files into <paramref name="directory"/>, without duplicates after a crash.</summary>
    /// <exception cref="ArgumentException">A blank directory or an invalid From address.</exception>
    public static IInvoicingBuilder UsePickupFolderMail(this IInvoicingBuilder builder, string directory, string from)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(CreatePickupFolderSender(directory, from));
        return builder;
    }

    /// <summary>A sender that writes <c>.eml</c> files; it also implements <see cref="IMailDeliveryCheck"/>.</summary>
    /// <exception cref="ArgumentException">A blank directory or an invalid From address.</exception>
    public static IMailSender CreatePickupFolderSender(string directory, string from)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!MailboxAddress.TryParse(from, out _))
        {
            throw new ArgumentException($"'{from}' is not a mail address.", nameof(from));
        }

        return new PickupFolderMailSender(Path.GetFullPath(directory), from);
    }

    /// <summary>An SMTP sender without dependency injection.</summary>
    public static IMailSender CreateSmtpSender(SmtpMailOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SmtpMailSender(Options.Create(options), timeProvider);
    }
}
