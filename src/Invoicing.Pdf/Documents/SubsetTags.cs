using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Invoicing.Pdf.Documents;

/// <summary>
/// Font subset tags (the six capitals before <c>+</c> in a font name) derived from the document's identity instead
/// of chance: the same document gets the same tags, another document other ones. PDFsharp writes a tag in the
/// <c>/BaseFont</c> of the font and its descendant and in the <c>/FontName</c> of its descriptor; all three get the
/// same new tag. Only those names are rewritten, never text such as the information dictionary's strings.
/// </summary>
internal sealed partial class SubsetTags(byte[] identity)
{
    private readonly Dictionary<string, string> byOriginal = new(StringComparer.Ordinal);

    /// <summary>The dictionary with its subset tags replaced; the same instance when it has none.</summary>
    public string Replace(string dictionary) => TaggedFontName().Replace(dictionary, match =>
    {
        var name = match.Groups["name"].Value;
        if (!byOriginal.TryGetValue(match.Groups["tag"].Value, out var tag))
        {
            tag = TagFor(name);
            byOriginal[match.Groups["tag"].Value] = tag;
        }

        return match.Groups["key"].Value + "/" + tag + "+" + name;
    });

    private string TagFor(string fontName)
    {
        var hash = SHA256.HashData([.. identity, .. Encoding.UTF8.GetBytes(fontName)]);
        return string.Create(6, hash, (chars, h) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('A' + (h[i] % 26));
            }
        });
    }

    [GeneratedRegex(@"(?<key>/(?:BaseFont|FontName)\s*)/(?<tag>[A-Z]{6})\+(?<name>[A-Za-z0-9#,\-_]*)")]
    private static partial Regex TaggedFontName();
}
