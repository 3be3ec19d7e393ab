using PdfSharp.Fonts;

namespace Invoicing.Pdf.Fonts;

/// <summary>
/// Installs <see cref="InvoicingFontResolver"/> into PDFsharp's process-wide settings once, idempotently.
/// A resolver the host installed is never replaced: ours then goes into the fallback slot, which PDFsharp
/// asks for the families the host's resolver does not know.
/// </summary>
internal static class FontSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool installed;

    /// <summary>Makes sure the document family resolves; safe to call from any thread, any number of times.</summary>
    /// <exception cref="InvalidOperationException">The host installed both a resolver and a fallback resolver, and neither serves our family.</exception>
    public static void EnsureInstalled()
    {
        if (installed)
        {
            return;
        }

        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            var primary = GlobalFontSettings.FontResolver;
            if (primary is null)
            {
                GlobalFontSettings.FontResolver = InvoicingFontResolver.Instance;
            }
            else if (!ReferenceEquals(primary, InvoicingFontResolver.Instance) && primary.ResolveTypeface(InvoicingFontResolver.FamilyName, false, false) is null)
            {
                var fallback = GlobalFontSettings.FallbackFontResolver;
                if (fallback is null)
                {
                    GlobalFontSettings.FallbackFontResolver = InvoicingFontResolver.Instance;
                }
                else if (!ReferenceEquals(fallback, InvoicingFontResolver.Instance) && fallback.ResolveTypeface(InvoicingFontResolver.FamilyName, false, false) is null)
                {
                    throw new InvalidOperationException(
                        $"PDFsharp's font resolver and fallback resolver are both set by the host and neither resolves '{InvoicingFontResolver.FamilyName}'; leave one slot free or delegate that family to Invoicing.Pdf.");
                }
            }

            installed = true;
        }
    }
}
