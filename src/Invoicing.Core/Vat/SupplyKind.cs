namespace Invoicing.Core;

/// <summary>What is supplied, which decides the place of supply for VAT.</summary>
public enum SupplyKind
{
    /// <summary>Goods (livraison de biens).</summary>
    Goods,

    /// <summary>Services (prestation de services).</summary>
    Services,
}
