using Invoicing.Core;

namespace Invoicing.Crm;

/// <summary>
/// What every draft from a CRM shares and the CRM does not know: the seller, the mandatory notes, how to pay, the
/// billing mode, and the defaults for what a deal leaves out. A deal's own values win over the defaults.
/// </summary>
public sealed record CrmDraftTemplate
{
    /// <summary>The seller (BG-4): the host's own company.</summary>
    public required Party Seller { get; init; }

    /// <summary>Notes on every draft (BG-1), such as the French late-payment and recovery-indemnity mentions (PMD, PMT).</summary>
    public ValueList<InvoiceNote> Notes { get; init => field = value ?? ValueList<InvoiceNote>.Empty; } = ValueList<InvoiceNote>.Empty;

    /// <summary>Payment instructions (BG-16).</summary>
    public PaymentInstructions? PaymentInstructions { get; init; }

    /// <summary>The billing mode (BT-23), such as <see cref="FrenchBillingMode.M1"/>; required by French B2B rules.</summary>
    public string? BusinessProcessType { get; init; }

    /// <summary>When VAT becomes due (BT-8).</summary>
    public VatDueDateType? VatDueDateType { get; init; }

    /// <summary>The currency of a deal that states none.</summary>
    public Currency DefaultCurrency { get; init; } = Currency.Eur;

    /// <summary>Days from issue to due date for a deal that states none.</summary>
    public int DefaultPaymentDays { get; init; } = 30;

    /// <summary>Payment terms text (BT-20) for a deal that states none; null writes "Payment within N days".</summary>
    public string? DefaultPaymentTerms { get; init; }

    /// <summary>The VAT category of a line that states none.</summary>
    public VatCategory DefaultVatCategory { get; init; } = VatCategory.S;

    /// <summary>The VAT rate of a standard-rated line that states none, in percent.</summary>
    public decimal DefaultVatRate { get; init; } = 20m;

    /// <summary>
    /// Whether the CRM's customers are businesses (its accounts and companies are): a French buyer then needs its SIREN
    /// or SIRET, and a deal without one is held. French rules alone cannot tell a missing SIREN from a consumer. True by default.
    /// </summary>
    public bool BuyersAreBusinesses { get; init; } = true;

    /// <summary>Exemption reasons (BT-120, BT-121) added for each exempt category a draft uses (E, AE, K, G, O).</summary>
    public ValueList<VatExemption> VatExemptions { get; init => field = value ?? ValueList<VatExemption>.Empty; } = ValueList<VatExemption>.Empty;
}
