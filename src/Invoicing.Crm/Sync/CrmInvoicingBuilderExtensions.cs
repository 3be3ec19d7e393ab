using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Crm;

/// <summary>Registers the CRM sync on the invoicing builder.</summary>
public static class CrmInvoicingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="CrmSync"/> and its <see cref="CrmMapping"/> on <paramref name="template"/>, over the registered
    /// <see cref="ICrmSyncStore"/> (the storage package registers it: <c>UseInMemoryStore</c>, <c>UseSqlite</c>,
    /// <c>UsePostgreSql</c>). The host runs <see cref="CrmSync.RunAsync"/> with each source on its own schedule.
    /// </summary>
    public static IInvoicingBuilder AddCrmSync(this IInvoicingBuilder builder, CrmDraftTemplate template)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mapping = new CrmMapping(template);
        builder.Services.TryAddSingleton(mapping);
        builder.Services.TryAddSingleton(provider => new CrmSync(
            provider.GetRequiredService<ICrmSyncStore>(),
            provider.GetRequiredService<IInvoiceStore>(),
            provider.GetRequiredService<InvoicingService>(),
            provider.GetRequiredService<CrmMapping>(),
            provider.GetRequiredService<NodaTime.IClock>()));
        return builder;
    }
}
