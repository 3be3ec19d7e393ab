using Invoicing.Core;
using Invoicing.Pdf.Documents;
using Invoicing.Pdf.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Pdf;

/// <summary>Registers <see cref="IInvoicePdfRenderer"/> for hosts that use Microsoft.Extensions.DependencyInjection.</summary>
public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="IInvoicePdfRenderer"/> with these options. The options are validated when the host
    /// starts (or at the first resolve without a host): a bad colour, logo or profile fails there, naming the option.
    /// </summary>
    public static IInvoicingBuilder AddPdf(this IInvoicingBuilder builder, Action<PdfOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PdfOptions>()
            .Configure(configure ?? (_ => { }))
            .Validate(o => Enum.IsDefined(o.Language), "PdfOptions.Language is not a known language.")
            .Validate(o => IsColor(o.BrandColor), "PdfOptions.BrandColor must be a colour written #RRGGBB.")
            .Validate(o => IsLogo(o.Logo), "PdfOptions.Logo must be a PNG or JPEG image.")
            .Validate(o => Enum.IsDefined(o.FacturXProfile), "PdfOptions.FacturXProfile is not a known Factur-X profile.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IInvoicePdfRenderer, InvoicePdfRenderer>();
        return builder;
    }

    private static bool IsColor(string? value)
    {
        try
        {
            Theme.ParseColor(value);
            return true;
        }
        catch (InvoiceValidationException)
        {
            return false;
        }
    }

    private static bool IsLogo(ReadOnlyMemory<byte> logo)
    {
        try
        {
            LogoLoader.Load(logo)?.Dispose();
            return true;
        }
        catch (InvoiceValidationException)
        {
            return false;
        }
    }
}
