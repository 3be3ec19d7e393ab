namespace Invoicing.France;

/// <summary>
/// A line of the national directory (XP Z12-013 <c>directoryLine</c>): the address at which a company (SIREN), one of its
/// facilities (SIRET) or one of their routing codes receives invoices, and the kind of platform behind it.
/// </summary>
/// <param name="AddressingIdentifier">The electronic address invoices are sent to.</param>
/// <param name="Siren">The company's SIREN.</param>
/// <param name="Siret">The facility's SIRET, when the line is for one facility.</param>
/// <param name="RoutingIdentifier">The routing code, when the line is for one.</param>
/// <param name="AddressingSuffix">The suffix of the address, when there is one.</param>
/// <param name="PlatformType">The kind of receiving platform (<c>WK</c>, <c>DFH</c>), when given.</param>
/// <param name="Status">Whether the line is in force.</param>
public sealed record DirectoryLine(
    string AddressingIdentifier,
    string Siren,
    string? Siret,
    string? RoutingIdentifier,
    string? AddressingSuffix,
    string? PlatformType,
    DirectoryLineStatus Status);
