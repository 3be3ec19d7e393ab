using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Core;

/// <summary>
/// Returned by <see cref="InvoicingServiceCollectionExtensions.AddInvoicing"/>; each module (storage, dunning,
/// PDF, mail) adds an extension method on it, so a host wires the SDK in one fluent statement.
/// </summary>
public interface IInvoicingBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
