namespace Invoicing.Pdf.FacturX;

/// <summary>
/// Says what is wrong with a file that should be a PDF by looking at its bytes, so that a user reads "the file is
/// cut off" or "the PDF is encrypted" rather than the PDF library's own message.
/// </summary>
internal static class PdfFileCheck
{
    /// <summary>How far into the file the <c>%PDF-</c> header may start, and how near its end <c>%%EOF</c> must be.</summary>
    private const int MarkerWindow = 1024;

    /// <summary>The problem that makes the bytes not a PDF at all, or null when they look like one.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "The file is empty: there is no PDF in it."
        : bytes[..Math.Min(bytes.Length, MarkerWindow)].IndexOf("%PDF-"u8) < 0 ? "The file is not a PDF (it does not start with %PDF-)."
        : null;

    /// <summary>Why a file that starts like a PDF could not be opened.</summary>
    public static string WhyUnreadable(ReadOnlySpan<byte> bytes) =>
        Problem(bytes)
        ?? (bytes.IndexOf("/Encrypt"u8) >= 0 ? "The PDF is encrypted (password protected): an e-invoice PDF must not be."
        : bytes[Math.Max(0, bytes.Length - MarkerWindow)..].IndexOf("%%EOF"u8) < 0 ? "The PDF is cut off: it does not end with %%EOF, the file may be incomplete."
        : "The PDF is damaged: its cross-reference table or one of its objects cannot be read.");
}
