using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>Registers the payment recorder.</summary>
public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPaymentRecorder"/> (a singleton) over the registered <see cref="IInvoiceStore"/>; payments are
    /// dated in the business's time zone (<see cref="InvoicingOptions.TimeZone"/>). Call <c>AddInvoicing()</c> with a
    /// store as well; a payment provider package (Invoicing.Payments.Stripe) calls this itself.
    /// </summary>
    public static IServiceCollection AddInvoicingPayments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPaymentRecorder>(provider => new PaymentRecorder(
            provider.GetService<IInvoiceStore>() ?? throw new InvalidOperationException("Payments need an IInvoiceStore: register a store (AddInvoicing().UseSqlite, UsePostgreSql, UseInMemoryStore) first."),
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(provider.GetService<IOptions<InvoicingOptions>>()?.Value.TimeZone ?? "Europe/Paris")
                ?? throw new InvalidOperationException("InvoicingOptions.TimeZone is not a time zone id of the IANA database.")));
        return services;
    }
}
