using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// An invoice received from a supplier through an e-invoicing platform, kept as it came (its bytes), with what was
/// read from it and what validation found. Received documents are the supplier's: they never enter the seller's
/// numbering or archive.
/// </summary>
public sealed record ReceivedDocument
{
    /// <summary>The platform's identifier of the flow that carried it: a flow fetched twice is stored once. 1 to 200 characters.</summary>
    public required string FlowId { get; init; }

    /// <summary>When it was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Its syntax as the platform names it (<c>CII</c>, <c>UBL</c>, <c>Factur-X</c>); 1 to 50 characters.</summary>
    public required string Syntax { get; init; }

    /// <summary>Its file name on the platform, when given.</summary>
    public string? FileName { get; init; }

    /// <summary>The file as received (XML, or the Factur-X PDF); not empty.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The invoice read from it; null when it could not be read (<see cref="Issues"/> says why).</summary>
    public Invoice? Invoice { get; init; }

    /// <summary>What reading and validating it found: errors make the document invalid, warnings do not.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init => field = value ?? []; } = [];

    /// <summary>The status the buyer sent back about it (a code of the platform's list, e.g. <c>205</c> approved); null until sent.</summary>
    public string? BuyerStatus { get; init; }

    /// <summary>When <see cref="BuyerStatus"/> was sent.</summary>
    public Instant? BuyerStatusAt { get; init; }

    /// <summary>Whether it was read and no error was found.</summary>
    public bool IsValid => Invoice is not null && !Issues.Any(issue => issue.Severity == ValidationSeverity.Error);

    /// <summary>The supplier's invoice number (BT-1), when it was read.</summary>
    public string? SupplierInvoiceNumber => Invoice?.Number;
}
