namespace Invoicing.France;

/// <summary>
/// The buyer has no directory line in force: the platform cannot route an invoice to it. Raised before anything is
/// sent, so the invoice can be kept back or sent another way.
/// </summary>
public sealed class BuyerNotInDirectoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuyerNotInDirectoryException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public BuyerNotInDirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public BuyerNotInDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a buyer.</summary>
    /// <param name="siren">The buyer's SIREN.</param>
    /// <param name="siret">The buyer's SIRET, when one was looked up.</param>
    public BuyerNotInDirectoryException(string siren, string? siret)
        : base(siret is null
            ? $"The buyer with SIREN {siren} has no address in force in the French e-invoicing directory: the invoice cannot be routed to it."
            : $"The buyer with SIREN {siren} (SIRET {siret}) has no address in force in the French e-invoicing directory: the invoice cannot be routed to it.")
    {
        Siren = siren;
        Siret = siret;
    }

    /// <summary>The buyer's SIREN.</summary>
    public string? Siren { get; }

    /// <summary>The buyer's SIRET, when one was looked up.</summary>
    public string? Siret { get; }
}
