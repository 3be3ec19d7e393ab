using NodaTime;

namespace Invoicing.France;

/// <summary>
/// One status about one invoice (a CDAR ram:ReferenceReferencedDocument): which invoice, which status, why, and the
/// amounts it concerns.
/// </summary>
public sealed record InvoiceStatusReport
{
    /// <summary>The invoice's number (BT-1, MDT-87).</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>The invoice's issue date (BT-2, MDG-35); required except with 501 "inadmissible".</summary>
    public LocalDate? InvoiceIssueDate { get; init; }

    /// <summary>The invoice's type code (BT-3, MDT-91): <c>380</c>, <c>381</c>, <c>389</c>...; optional.</summary>
    public string? DocumentTypeCode { get; init; }

    /// <summary>The status (MDT-105).</summary>
    public required LifecycleStatus Status { get; init; }

    /// <summary>The invoice's seller (MDT-129, role <c>SE</c>), identified by SIREN; required except with 501.</summary>
    public CdarParty? Seller { get; init; }

    /// <summary>Why the status was given; at least one for 206, 207, 208, 210, 213 and 501.</summary>
    public IReadOnlyList<StatusReason> Reasons { get; init => field = value ?? []; } = [];

    /// <summary>The amounts the status concerns; with 212 "cashed", one <c>MEN</c> amount per VAT rate at least.</summary>
    public IReadOnlyList<StatusAmount> Amounts { get; init => field = value ?? []; } = [];
}
