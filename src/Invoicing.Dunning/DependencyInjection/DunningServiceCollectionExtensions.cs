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
            .Validate(o => o.Policies is not null && o.Calendar is not null && o.Rendering is not null, "Policies, calendar and rendering options are required.")
            .Validate(o => o.DefaultTimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.DefaultTimeZone) is not null, "DefaultTimeZone must be an IANA time zone id (Europe/Paris).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.WorkerId) && o.WorkerId.Length <= ReminderKey.MaxLength, "WorkerId must be 1 to 200 characters.")
            .Validate(o => o.LeaseDuration > Duration.Zero && o.RetryBackoff > Duration.Zero && o.MaxAttempts >= 1 && o.RunInterval > TimeSpan.Zero, "LeaseDuration, RetryBackoff and RunInterval must be positive and MaxAttempts at least 1.")
            .Validate(o => o.MessageIdDomain is not null && Uri.CheckHostName(o.MessageIdDomain) == UriHostNameType.Dns, "MessageIdDomain must be a DNS host name.")
            .ValidateOnStart();

        services.TryAddSingleton(_ => InMemoryReminders.CreateJournal());
        services.TryAddSingleton(_ => InMemoryReminders.CreateSettingsStore());
        services.TryAddSingleton(provider => OpenInvoiceSources.FromStore(provider.GetService<IInvoiceStore>()
            ?? throw new InvalidOperationException("Dunning needs an IInvoiceStore (a storage package) or an IOpenInvoiceSource registration.")));
        services.TryAddSingleton<IDunningRunner>(provider => ActivatorUtilities.CreateInstance<DunningRunner>(provider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DunningBackgroundService>());
        return builder;
    }
}
