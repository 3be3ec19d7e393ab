using System.Text.RegularExpressions;

namespace Invoicing.Core.Tests.Json;

/// <summary>Checks that an error message speaks the user's words: no .NET type name, no parser's own text.</summary>
internal static partial class MessageLeaks
{
    [GeneratedRegex(@"Invoicing\.|System\.|Exception|NodaTime|\$\.|Path:|LineNumber|BytePosition|could not be converted|could not be mapped|\(Parameter '|Nullable`|\bToken\b|isFinalBlock|Utf8")]
    private static partial Regex Leak();

    public static void AssertNone(string message) =>
        Assert.False(Leak().IsMatch(message), $"The message leaks parser or .NET text: {message}");

    public static bool IsClean(string message) => !Leak().IsMatch(message);
}
