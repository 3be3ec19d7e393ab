namespace Invoicing.Core;

/// <summary>A trading party: the seller (BG-4), the buyer (BG-7) or the payee (BG-10).</summary>
public sealed record Party
{
    /// <summary>Registered name (BT-27, BT-44, BT-59).</summary>
    public required string Name { get; init; }

    /// <summary>Trading name (BT-28, BT-45).</summary>
    public string? TradingName { get; init; }

    /// <summary>Party identifiers (BT-29, BT-46, BT-60), for example a GLN or a customer number.</summary>
    public ValueList<Identifier> Identifiers { get; init => field = value ?? ValueList<Identifier>.Empty; } = ValueList<Identifier>.Empty;

    /// <summary>Legal registration identifier (BT-30, BT-47, BT-61): the SIREN (scheme 0002) in France.</summary>
    public Identifier? LegalId { get; init; }

    /// <summary>VAT identifier with its country prefix (BT-31, BT-48), for example <c>FR32123456789</c>.</summary>
    public string? VatId { get; init; }

    /// <summary>Local tax registration identifier (BT-32, seller only).</summary>
    public string? TaxRegistrationId { get; init; }

    /// <summary>Additional legal information (BT-33, seller only): legal form, share capital, register.</summary>
    public string? AdditionalLegalInfo { get; init; }

    /// <summary>Legal form, printed among the French mentions (for example <c>SAS</c>).</summary>
    public string? LegalForm { get; init; }

    /// <summary>Share capital as printed (for example <c>10 000 EUR</c>).</summary>
    public string? ShareCapital { get; init; }

    /// <summary>Trade register entry (for example <c>RCS Paris 123 456 789</c>).</summary>
    public string? TradeRegister { get; init; }

    /// <summary>Postal address (BG-5, BG-8).</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Electronic address for e-invoice delivery (BT-34, BT-49), with its EAS scheme.</summary>
    public Identifier? ElectronicAddress { get; init; }

    /// <summary>Contact (BG-6, BG-9).</summary>
    public Contact? Contact { get; init; }
}
