using System.Text.RegularExpressions;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Checks that an error message speaks the user's words: no .NET type name, no parser's own text.</summary>
internal static partial class MessageLeaks
{
    [GeneratedRegex(@"Invoicing\.|System\.|Exception|NodaTime|\$\.|Unexpected end of file|Data at the root level|'.*' is an unexpected token|Name cannot begin|\(Parameter '|Invalid character in the given encoding|expected token|unexpected token|hexadecimal value|MaxCharactersInDocument|was not in a correct format|Input string|Object reference|does not match the end tag|Root element is missing|XmlReader|XElement")]
    private static partial Regex Leak();

    public static void AssertNone(string message) =>
        Assert.False(Leak().IsMatch(message), $"The message leaks parser or .NET text: {message}");

    public static bool IsClean(string message) => !Leak().IsMatch(message);
}
