using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>Registers dunning on the invoicing builder.</summary>
public static class DunningServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dunning runner and its hosted service. Uses the registered <see cref="IReminderJournal"/> and
    /// <see cref="IDunningSettingsStore"/> (a storage package registers them; in-memory ones otherwise), the registered
    /// <see cref="IOpenInvoiceSource"/> (else one over <see cref="IInvoiceStore"/>), and an <see cref="IMailSender"/>
    /// (Invoicing.Mail.Smtp: <c>UseSmtpMail</c> or <c>UsePickupFolderMail</c>). Options are validated at start.
    /// Also adds the <see cref="IInvoiceMailer"/> that sends issued invoices with the same sender, templates and links.
    /// Mail links come from every registered <see cref="IMailLinkSource"/> (a portal, a payment provider), the render
    /// options' format strings filling what none gives.
    /// </summary>
    public static IInvoicingBuilder AddDunning(this IInvoicingBuilder builder, Action<DunningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<DunningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.Policies is not null, "DunningOptions.Policies is required.")
            .Validate(o => o.Calendar is not null, "DunningOptions.Calendar is required.")
            .Validate(o => o.Rendering is not null, "DunningOptions.Rendering is required.")
            .Validate(o => o.DefaultTimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.DefaultTimeZone) is not null, "DunningOptions.DefaultTimeZone must be an IANA time zone id (Europe/Paris).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.WorkerId) && o.WorkerId.Length <= ReminderKey.MaxLength, "DunningOptions.WorkerId must be 1 to 200 characters.")
            .Validate(o => o.LeaseDuration > Duration.Zero, "DunningOptions.LeaseDuration must be positive.")
            .Validate(o => o.RetryBackoff > Duration.Zero, "DunningOptions.RetryBackoff must be positive.")
            .Validate(o => o.MaxAttempts >= 1, "DunningOptions.MaxAttempts must be at least 1.")
            .Validate(o => o.RunInterval > TimeSpan.Zero, "DunningOptions.RunInterval must be positive.")
            .Validate(o => o.MessageIdDomain is not null && Uri.CheckHostName(o.MessageIdDomain) == UriHostNameType.Dns, "DunningOptions.MessageIdDomain must be a DNS host name.")
            .Validate(o => o.From is null || o.From.Contains('@', StringComparison.Ordinal), "DunningOptions.From must be a mail address or null.")
            .ValidateOnStart();

        services.TryAddSingleton(_ => InMemoryReminders.CreateJournal());
        services.TryAddSingleton(_ => InMemoryReminders.CreateSettingsStore());
        services.TryAddSingleton(provider => OpenInvoiceSources.FromStore(provider.GetService<IInvoiceStore>()
            ?? throw new InvalidOperationException("Dunning needs an IInvoiceStore (a storage package) or an IOpenInvoiceSource registration.")));
        services.TryAddSingleton<IDunningRunner>(provider => ActivatorUtilities.CreateInstance<DunningRunner>(provider));
        services.TryAddSingleton<IInvoiceMailer>(provider => ActivatorUtilities.CreateInstance<InvoiceMailer>(
            provider,
            provider.GetService<IInvoiceEventStore>() ?? provider.GetService<IInvoiceStore>() as IInvoiceEventStore
                ?? throw new InvalidOperationException("The invoice mailer needs an IInvoiceEventStore (a storage package registers one).")));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DunningBackgroundService>());
        return builder;
    }
}
