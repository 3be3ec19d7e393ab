using System.Text.Json.Serialization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// An invoice or credit note as EN 16931 defines it: what is invoiced, never its totals, which
/// <see cref="InvoiceCalculator"/> computes. A draft has no <see cref="Number"/>; the store gives one at issue
/// and the issued document never changes afterwards.
/// </summary>
public sealed record Invoice
{
    /// <summary>Invoice number (BT-1), given at issue; null on a draft.</summary>
    public string? Number { get; init; }

    /// <summary>Type code (BT-3).</summary>
    public DocumentType Type { get; init => field = value == default ? DocumentType.Invoice : value; } = DocumentType.Invoice;

    /// <summary>Issue date (BT-2).</summary>
    public required LocalDate IssueDate { get; init; }

    /// <summary>Invoice currency (BT-5): every amount of the document is in it.</summary>
    public required Currency Currency { get; init; }

    /// <summary>VAT accounting currency (BT-6), when VAT is accounted in another currency.</summary>
    public Currency? VatAccountingCurrency { get; init; }

    /// <summary>Total VAT in the accounting currency (BT-111), stated by the seller: it depends on an exchange rate.</summary>
    public decimal? VatTotalInAccountingCurrency { get; init; }

    /// <summary>Date the VAT becomes chargeable (BT-7).</summary>
    public LocalDate? VatPointDate { get; init; }

    /// <summary>When VAT becomes due (BT-8); <see cref="VatDueDateType.InvoiceDate"/> is the French "TVA sur les débits" option.</summary>
    public VatDueDateType? VatDueDateType { get; init; }

    /// <summary>Payment due date (BT-9).</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Buyer reference (BT-10), the Leitweg-ID in Germany.</summary>
    public string? BuyerReference { get; init; }

    /// <summary>Project reference (BT-11).</summary>
    public string? ProjectReference { get; init; }

    /// <summary>Contract reference (BT-12).</summary>
    public string? ContractReference { get; init; }

    /// <summary>Purchase order reference (BT-13).</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>Sales order reference (BT-14).</summary>
    public string? SalesOrderReference { get; init; }

    /// <summary>Receiving advice reference (BT-15).</summary>
    public string? ReceivingAdviceReference { get; init; }

    /// <summary>Despatch advice reference (BT-16).</summary>
    public string? DespatchAdviceReference { get; init; }

    /// <summary>Tender or lot reference (BT-17): the call for tenders or the lot the invoice belongs to.</summary>
    public string? TenderOrLotReference { get; init; }

    /// <summary>
    /// Invoiced object identifier (BT-18), such as a subscription, meter or vehicle number, with its scheme (BT-18-1,
    /// a UNTDID 1153 code such as <c>AVE</c> or <c>ABT</c>) when one is known.
    /// </summary>
    public Identifier? InvoicedObjectIdentifier { get; init; }

    /// <summary>
    /// Supporting documents (BG-24), by reference only; null when there are none, so that the JSON of an invoice
    /// without them (and the archive hash computed from it) stays what it was before this member existed.
    /// </summary>
    public ValueList<SupportingDocument>? SupportingDocuments { get; init; }

    /// <summary>Buyer accounting reference (BT-19).</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>Payment terms as text (BT-20).</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>Notes (BG-1), including the French mandatory mentions (subjects PMT, PMD, AAB).</summary>
    public ValueList<InvoiceNote> Notes { get; init => field = value ?? ValueList<InvoiceNote>.Empty; } = ValueList<InvoiceNote>.Empty;

    /// <summary>Business process type (BT-23); in France the billing mode, see <see cref="FrenchBillingMode"/>.</summary>
    public string? BusinessProcessType { get; init; }

    /// <summary>Earlier invoices this one refers to (BG-3); a credit note names the invoice it corrects.</summary>
    public ValueList<PrecedingInvoiceReference> PrecedingInvoices { get; init => field = value ?? ValueList<PrecedingInvoiceReference>.Empty; } = ValueList<PrecedingInvoiceReference>.Empty;

    /// <summary>Seller (BG-4).</summary>
    public required Party Seller { get; init; }

    /// <summary>Buyer (BG-7).</summary>
    public required Party Buyer { get; init; }

    /// <summary>Payee when it is not the seller (BG-10).</summary>
    public Party? Payee { get; init; }

    /// <summary>
    /// Seller tax representative party (BG-11: name BT-62, VAT identifier BT-63, address BG-12); null when the seller
    /// has none, so that the JSON of an invoice without one (and the archive hash computed from it) stays what it was
    /// before this member existed.
    /// </summary>
    public TaxRepresentative? SellerTaxRepresentative { get; init; }

    /// <summary>Delivery information (BG-13).</summary>
    public Delivery? Delivery { get; init; }

    /// <summary>Invoicing period (BG-14).</summary>
    public InvoicePeriod? InvoicingPeriod { get; init; }

    /// <summary>Payment instructions (BG-16).</summary>
    public PaymentInstructions? PaymentInstructions { get; init; }

    /// <summary>Document-level allowances and charges (BG-20, BG-21), each with its VAT category and rate.</summary>
    public ValueList<AllowanceCharge> AllowancesCharges { get; init => field = value ?? ValueList<AllowanceCharge>.Empty; } = ValueList<AllowanceCharge>.Empty;

    /// <summary>Exemption reasons per VAT category (BT-120, BT-121), copied onto the VAT breakdown.</summary>
    public ValueList<VatExemption> VatExemptions { get; init => field = value ?? ValueList<VatExemption>.Empty; } = ValueList<VatExemption>.Empty;

    /// <summary>Amount already paid (BT-113).</summary>
    public decimal? PrepaidAmount { get; init; }

    /// <summary>Rounding amount added to reach the amount due (BT-114).</summary>
    public decimal? RoundingAmount { get; init; }

    /// <summary>Invoice lines (BG-25); at least one (BR-16).</summary>
    public ValueList<InvoiceLine> Lines { get; init => field = value ?? ValueList<InvoiceLine>.Empty; } = ValueList<InvoiceLine>.Empty;

    /// <summary>
    /// Whether the invoice is priced with VAT included: its lines state <see cref="InvoiceLine.VatInclusivePrice"/>, and
    /// then its line and document-level allowance and charge amounts include VAT too. Every line must then be priced so
    /// (rule INV-VATINCL-MIXED). The e-invoice carries the net equivalent (<see cref="InvoiceCalculator.ToNetPrices"/>).
    /// </summary>
    [JsonIgnore]
    public bool PricesIncludeVat
    {
        get
        {
            foreach (var line in Lines)
            {
                if (line?.VatInclusivePrice is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The French operation category, read from the billing mode (BT-23); null when it is not a French one.</summary>
    [JsonIgnore]
    public OperationCategory? OperationCategory => FrenchBillingMode.CategoryOf(BusinessProcessType);

    /// <summary>Whether the seller pays VAT on debits (BT-8 is the invoice date).</summary>
    [JsonIgnore]
    public bool VatOnDebits => VatDueDateType == Core.VatDueDateType.InvoiceDate;

    /// <summary>
    /// The key that identifies the buyer as a customer across invoices: the first buyer identifier (BT-46),
    /// else the legal id (BT-47), else the VAT id (BT-48), else the name.
    /// </summary>
    [JsonIgnore]
    public string CustomerKey =>
        Buyer.Identifiers.Count > 0 ? Buyer.Identifiers[0].Value
        : Buyer.LegalId?.Value ?? Buyer.VatId ?? Buyer.Name;
}
