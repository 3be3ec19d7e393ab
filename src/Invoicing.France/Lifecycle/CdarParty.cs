using Invoicing.Core;

namespace Invoicing.France;

/// <summary>A party of a lifecycle status message: who sends it, who issues the status, who receives it.</summary>
public sealed record CdarParty
{
    /// <summary>
    /// The party's role (UNCL 3035): <c>BY</c> buyer, <c>SE</c> seller, <c>WK</c> platform, <c>DFH</c> the tax
    /// administration's portal, <c>AB</c>, <c>DL</c>, <c>SR</c>, <c>PE</c>, <c>PR</c>, <c>II</c>, <c>IV</c>.
    /// </summary>
    public required string Role { get; init; }

    /// <summary>
    /// The party's identifier (ram:GlobalID): a SIREN (<c>0002</c>) for a business, a platform's registration number
    /// (<c>0238</c>) for a platform.
    /// </summary>
    public Identifier? Id { get; init; }

    /// <summary>The party's name.</summary>
    public string? Name { get; init; }

    /// <summary>Where the party receives messages (MDT-73, ram:URIID): required for a recipient that is not a platform.</summary>
    public Identifier? ElectronicAddress { get; init; }

    /// <summary>A buyer identified by SIREN, reached at its electronic address.</summary>
    public static CdarParty Buyer(string siren, string? name = null, Identifier? electronicAddress = null) =>
        new() { Role = CdarRoles.Buyer, Id = Identifier.Siren(siren), Name = name, ElectronicAddress = electronicAddress ?? new Identifier(siren, Identifier.SirenScheme) };

    /// <summary>A seller identified by SIREN, reached at its electronic address.</summary>
    public static CdarParty Seller(string siren, string? name = null, Identifier? electronicAddress = null) =>
        new() { Role = CdarRoles.Seller, Id = Identifier.Siren(siren), Name = name, ElectronicAddress = electronicAddress ?? new Identifier(siren, Identifier.SirenScheme) };

    /// <summary>A platform, by its registration number (scheme <c>0238</c>) when known.</summary>
    public static CdarParty Platform(string? registrationNumber = null, string? name = null) =>
        new() { Role = CdarRoles.Platform, Id = registrationNumber is null ? null : new Identifier(registrationNumber, CdarRoles.PlatformScheme), Name = name };
}
