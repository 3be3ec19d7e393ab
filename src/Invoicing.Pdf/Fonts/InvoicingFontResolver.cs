using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Invoicing.Pdf.Fonts;

/// <summary>
/// Resolves the family the documents are drawn with to the Liberation Sans faces embedded in this assembly
/// (SIL Open Font License 1.1), so rendering never depends on the fonts installed on the machine.
/// </summary>
internal sealed class InvoicingFontResolver : IFontResolver
{
    /// <summary>The family name the layout asks for.</summary>
    public const string FamilyName = "Invoicing Sans";

    private const string RegularFace = "LiberationSans-Regular";
    private const string BoldFace = "LiberationSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>The one instance, installed once into PDFsharp's global settings.</summary>
    public static InvoicingFontResolver Instance { get; } = new();

    /// <summary>Whether <paramref name="familyName"/> is the family this resolver serves.</summary>
    public static bool Serves(string familyName) =>
        string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        Serves(familyName)
            ? new FontResolverInfo(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic)
            : null;

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName is RegularFace or BoldFace
        ? Faces.GetOrAdd(faceName, Load)
        : null;

    private static byte[] Load(string faceName)
    {
        var name = $"Invoicing.Pdf.Fonts.{faceName}.ttf";
        using var stream = typeof(InvoicingFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
