namespace Invoicing.Core;

/// <summary>An identifier with the optional identification scheme it belongs to (ISO 6523 ICD or EAS code).</summary>
/// <param name="Value">The identifier itself.</param>
/// <param name="Scheme">The scheme: for example <c>0002</c> (SIREN), <c>0009</c> (SIRET), <c>0088</c> (GLN), <c>EM</c> (e-mail).</param>
public readonly record struct Identifier(string Value, string? Scheme = null)
{
    /// <summary>ISO 6523 code of the French SIREN.</summary>
    public const string SirenScheme = "0002";

    /// <summary>ISO 6523 code of the French SIRET.</summary>
    public const string SiretScheme = "0009";

    /// <summary>A French SIREN (9 digits).</summary>
    public static Identifier Siren(string value) => new(value, SirenScheme);

    /// <summary>A French SIRET (14 digits).</summary>
    public static Identifier Siret(string value) => new(value, SiretScheme);

    /// <inheritdoc />
    public override string ToString() => Scheme is null ? Value : $"{Value} ({Scheme})";
}
