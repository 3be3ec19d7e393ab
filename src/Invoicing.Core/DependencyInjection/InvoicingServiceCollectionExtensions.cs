using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Core;

/// <summary>Registers the invoicing SDK in a host's service collection.</summary>
public static class InvoicingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the invoicing core: <see cref="InvoicingService"/>, options (validated at start), the clock (from the host's
    /// <see cref="TimeProvider"/> when one is registered). Modules chain on the returned builder:
    /// <c>services.AddInvoicing(o => ...).UseSqlite(connectionString)</c>.
    /// </summary>
    public static IInvoicingBuilder AddInvoicing(this IServiceCollection services, Action<InvoicingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<InvoicingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.InvoiceSeries is not null && o.CreditNoteSeries is not null, "Invoice and credit note series are required.")
            .Validate(o => o.InvoiceSeries is null || o.CreditNoteSeries is null || o.InvoiceSeries.Id != o.CreditNoteSeries.Id || o.InvoiceSeries.Pattern == o.CreditNoteSeries.Pattern,
                "Invoices and credit notes sharing a series id must share its pattern.")
            .Validate(o => o.TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null, "TimeZone must be an IANA time zone id, such as Europe/Paris.")
            .ValidateOnStart();
        services.TryAddSingleton<IClock>(provider => new TimeProviderClock(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(provider => new InvoicingService(
            provider.GetRequiredService<IInvoiceStore>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IOptions<InvoicingOptions>>()));
        return new InvoicingBuilder(services);
    }

    private sealed class InvoicingBuilder(IServiceCollection services) : IInvoicingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
