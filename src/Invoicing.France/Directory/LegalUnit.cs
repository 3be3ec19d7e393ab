namespace Invoicing.France;

/// <summary>A company as the directory knows it by its SIREN (XP Z12-013 <c>legalUnit</c>).</summary>
/// <param name="Siren">The SIREN.</param>
/// <param name="BusinessName">The company's name, when given.</param>
/// <param name="EntityType">Public or private (<c>Public</c>, <c>PrivateVatRegistered</c>), when given.</param>
/// <param name="IsActive">False when the company is closed (administrative status C).</param>
public sealed record LegalUnit(string Siren, string? BusinessName, string? EntityType, bool IsActive);
