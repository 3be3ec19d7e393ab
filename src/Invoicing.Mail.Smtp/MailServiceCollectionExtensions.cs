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
        var options = builder.Services.AddOptions<SmtpMailOptions>().Configure(configure);
        foreach (var (isMet, failure) in SmtpMailOptionsRules.All)
        {
            options.Validate(isMet, failure);
        }

        options.ValidateOnStart();
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
    /// <exception cref="OptionsValidationException">An option is invalid; each failure names the option, as at host start.</exception>
    public static IMailSender CreateSmtpSender(SmtpMailOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = SmtpMailOptionsRules.Failures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SmtpMailOptions), failures);
        }

        return new SmtpMailSender(Options.Create(options), timeProvider);
    }
}
