using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Invoicing.Core.Json;

/// <summary>
/// Says what makes bytes not JSON, in a user's words: empty, not UTF-8, ending too early, nested too deep or
/// an unexpected character, with its line and column. The JSON reader's own message is never shown.
/// </summary>
internal static class JsonSyntaxDiagnosis
{
    /// <summary>Deepest nesting read; System.Text.Json's default, which the invoice readers use.</summary>
    public const int MaxDepth = 64;

    /// <summary>The syntax problem of <paramref name="utf8"/>, or null when it is well-formed JSON.</summary>
    public static JsonProblem? Find(ReadOnlySpan<byte> utf8, string document)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new JsonProblem($"The {document} is empty: there is no JSON in it.");
        }

        if (!Utf8.IsValid(utf8))
        {
            var bad = FirstInvalidUtf8(utf8);
            return new JsonProblem(
                $"The {document} is not saved as UTF-8, which JSON must be (the first byte that is not UTF-8 is at {Where(utf8, bad)}).");
        }

        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
        var open = 0;
        var consumed = 0;
        var rootDone = false;
        try
        {
            while (reader.Read())
            {
                open = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? reader.CurrentDepth + 1 : reader.CurrentDepth;
                consumed = (int)reader.BytesConsumed;
                rootDone = open == 0;
            }
        }
        catch (JsonException)
        {
            // The reader's message is not for users; the bad token starts after the last one read.
            var start = FaultAt(utf8, consumed);
            if (start >= utf8.Length)
            {
                return EndsTooEarly(utf8);
            }

            var found = utf8[start];
            var at = Where(utf8, start);
            return found switch
            {
                (byte)'{' or (byte)'[' when open >= MaxDepth => new JsonProblem($"The JSON nests deeper than {MaxDepth} levels, which no invoice does ({at})."),
                _ when rootDone => new JsonProblem($"The {document} has more after its JSON value ends: unexpected {Describe(found)} at {at}."),
                (byte)'"' when StringLength(utf8[start..]) == 0 => new JsonProblem($"The {document} is not valid JSON: the text in quotes at {at} has a bad escape (\\) or a line break in it."),
                _ => new JsonProblem($"The {document} is not valid JSON: unexpected {Describe(found)} at {at}."),
            };
        }

        return rootDone || IsComplete(utf8) ? null : EndsTooEarly(utf8);
    }

    /// <summary>Whether the text reads to its end as one JSON value (a lone number only ends where the text does).</summary>
    private static bool IsComplete(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where the fault is, from the end of the last token read: the next token, or, when that is a well-formed
    /// property name or text, what follows it (the reader refuses a name and its colon together).
    /// </summary>
    private static int FaultAt(ReadOnlySpan<byte> utf8, int consumed)
    {
        var start = SkipSpace(utf8, consumed);
        if (start < utf8.Length && utf8[start] == (byte)'"' && StringLength(utf8[start..]) is > 0 and var length)
        {
            var next = SkipSpace(utf8, start + length);
            return next < utf8.Length && utf8[next] == (byte)':' ? SkipSpace(utf8, next + 1) : next;
        }

        return start;
    }

    private static int SkipSpace(ReadOnlySpan<byte> utf8, int from)
    {
        var skip = utf8[from..].IndexOfAnyExcept(" \t\r\n"u8);
        return skip < 0 ? utf8.Length : from + skip;
    }

    /// <summary>The length in bytes of the well-formed text in quotes that starts <paramref name="utf8"/>; 0 when it is not one.</summary>
    private static int StringLength(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.String ? (int)reader.BytesConsumed : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static JsonProblem EndsTooEarly(ReadOnlySpan<byte> utf8) =>
        new($"The JSON ends too early ({Where(utf8, utf8.Length)}): an object, array or text is not closed.");

    private static string Describe(byte found) => found switch
    {
        (byte)'"' => "quote",
        (byte)',' => "comma (a trailing comma, or a value missing before it)",
        >= 0x21 and < 0x7F => $"character '{(char)found}'",
        _ => $"character (code {found.ToString(CultureInfo.InvariantCulture)})",
    };

    /// <summary>"line L, column C", both counted from 1, of a byte offset (columns count characters, not bytes).</summary>
    private static string Where(ReadOnlySpan<byte> utf8, long offset)
    {
        var end = (int)Math.Min(offset, utf8.Length);
        var before = utf8[..end];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
