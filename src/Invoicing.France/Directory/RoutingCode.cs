namespace Invoicing.France;

/// <summary>A routing code of a facility (XP Z12-013 <c>routingCode</c>): a service invoices can be addressed to.</summary>
/// <param name="Siret">The SIRET of the facility.</param>
/// <param name="RoutingIdentifier">The routing code.</param>
/// <param name="Name">The service's name, when given.</param>
/// <param name="IsActive">False when the code is closed (administrative status C).</param>
/// <param name="ManagesLegalCommitment">True when the public body requires a legal commitment number on the invoice.</param>
public sealed record RoutingCode(string Siret, string RoutingIdentifier, string? Name, bool IsActive, bool ManagesLegalCommitment);
