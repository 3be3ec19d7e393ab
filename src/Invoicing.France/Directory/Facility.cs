namespace Invoicing.France;

/// <summary>A facility as the directory knows it by its SIRET (XP Z12-013 <c>facility</c>).</summary>
/// <param name="Siret">The SIRET.</param>
/// <param name="Siren">The SIREN of its company.</param>
/// <param name="Name">The facility's name, when given.</param>
/// <param name="IsMainFacility">True for the company's main facility (type P).</param>
/// <param name="IsActive">False when the facility is closed (administrative status C).</param>
public sealed record Facility(string Siret, string Siren, string? Name, bool IsMainFacility, bool IsActive);
