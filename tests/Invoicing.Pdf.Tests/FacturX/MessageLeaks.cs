using System.Text.RegularExpressions;

namespace Invoicing.Pdf.Tests.FacturX;

/// <summary>Checks that an error message speaks the user's words: no .NET type name, no PDF library's own text.</summary>
internal static partial class MessageLeaks
{
    [GeneratedRegex(@"Invoicing\.|System\.|Exception|PdfSharp|PDFsharp|\$\.|must be a non-negative value|\(Parameter '|Unexpected token|Object reference|Index was outside|Specified argument")]
    private static partial Regex Leak();

    public static void AssertNone(string message) =>
        Assert.False(Leak().IsMatch(message), $"The message leaks parser or .NET text: {message}");

    public static bool IsClean(string message) => !Leak().IsMatch(message);
}
