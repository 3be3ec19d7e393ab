using Invoicing.Core;

namespace Invoicing.France.Http;

/// <summary>
/// Checks of what a host passes to the platform clients, before anything is sent: a bad value fails with a typed error
/// naming the field and the rule, never with the platform's 400 or a .NET parsing error.
/// </summary>
internal static class PlatformInput
{
    /// <summary>The maximum size of a flow's file (XP Z12-013: 100 MB).</summary>
    public const int MaxFileBytes = 100 * 1024 * 1024;

    public static string Siren(string? siren, string path)
    {
        var digits = siren?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return FrenchIdentifiers.IsValidSiren(digits)
            ? digits!
            : throw Invalid("PA-SIREN", path, $"'{siren}' is not a SIREN: a SIREN is 9 digits whose last is a Luhn check digit.");
    }

    public static string Siret(string? siret, string path)
    {
        var digits = siret?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return FrenchIdentifiers.IsValidSiret(digits)
            ? digits!
            : throw Invalid("PA-SIRET", path, $"'{siret}' is not a SIRET: a SIRET is 14 digits, the SIREN then the facility number, each with its Luhn check digit.");
    }

    public static string Text(string? value, string path, int maxLength, string ruleId, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl))
        {
            throw Invalid(ruleId, path, $"{what} must be 1 to {maxLength} characters without control characters; '{value}' is not.");
        }

        return value;
    }

    public static string RoutingIdentifier(string? value, string path)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
        {
            throw Invalid("PA-ROUTING", path, $"'{value}' is not a routing code: 1 to 100 letters, digits, '-', '_' or '/'.");
        }

        return value;
    }

    public static void File(ReadOnlyMemory<byte> file)
    {
        if (file.IsEmpty || file.Length > MaxFileBytes)
        {
            throw Invalid("PA-FILE", "file", $"A flow's file must be 1 byte to 100 MB; this one is {file.Length} bytes.");
        }
    }

    public static InvoiceValidationException Invalid(string ruleId, string path, string message) =>
        new(ValidationIssue.Error(ruleId, path, message));
}
