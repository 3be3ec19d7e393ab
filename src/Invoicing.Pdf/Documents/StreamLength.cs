using System.Globalization;

namespace Invoicing.Pdf.Documents;

/// <summary>The <c>/Length</c> entry of a stream dictionary, which PDFsharp writes as a direct number (<c>/Length 1234</c>).</summary>
internal readonly record struct StreamLength(string Dictionary, int Start, int End, int Value)
{
    private const string Key = "/Length ";

    /// <summary>Finds the entry; a missing or indirect length (<c>/Length 12 0 R</c>) breaks the finisher's assumption.</summary>
    public static StreamLength Find(string dictionary)
    {
        var start = dictionary.IndexOf(Key, StringComparison.Ordinal);
        var end = start + Key.Length;
        while (start >= 0 && end < dictionary.Length && char.IsAsciiDigit(dictionary[end]))
        {
            end++;
        }

        SavedPdf.Require(
            start >= 0 && end > start + Key.Length && end - start - Key.Length < 10 && !IsReference(dictionary.AsSpan(end)),
            "a stream's /Length is a direct number, not a reference to another object");
        return new StreamLength(dictionary, start, end, int.Parse(dictionary.AsSpan(start + Key.Length, end - start - Key.Length), CultureInfo.InvariantCulture));
    }

    /// <summary>The dictionary with this length replaced by <paramref name="value"/>.</summary>
    public string Replace(int value) =>
        string.Concat(Dictionary.AsSpan(0, Start), Key, value.ToString(CultureInfo.InvariantCulture), Dictionary.AsSpan(End));

    /// <summary>Whether the number is followed by <c> 0 R</c> (a generation and R): then it was an object number.</summary>
    private static bool IsReference(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart(' ');
        var digits = trimmed.IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && trimmed[digits..].TrimStart(' ').StartsWith('R');
    }
}
