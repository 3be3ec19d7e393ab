using NodaTime;

namespace Invoicing.France;

/// <summary>
/// A lifecycle status message: the UN/CEFACT Cross Domain Acknowledgement and Response (CDAR D22B) as the French
/// rules (BR-FR-CDV) profile it. Written by <see cref="CdarWriter"/>, read by <see cref="CdarReader"/>.
/// </summary>
public sealed record CdarMessage
{
    /// <summary>The guideline of every message the SDK writes (MDT-3).</summary>
    public const string Guideline = "urn.cpro.gouv.fr:1p0:CDV:invoice";

    /// <summary>The message's identifier (MDT-4), unique per sender: a received status is applied once per identifier.</summary>
    public required string MessageId { get; init; }

    /// <summary>When the message was issued (MDG-4).</summary>
    public required Instant IssuedAt { get; init; }

    /// <summary>
    /// The business process (MDT-2): <c>REGULATED</c>, the default, an invoice under the French mandate. A message read
    /// may say <c>NON_REGULATED</c>, <c>B2C</c>, <c>B2CINT</c>, <c>B2BINT</c> or <c>OUTOFSCOPE</c>; the writer writes
    /// REGULATED only, the one value rule BR-FR-CDV-CL-01 as published (V1.4.0) lets through.
    /// </summary>
    public string BusinessProcess { get; init; } = "REGULATED";

    /// <summary>Who sends the message (MDG-9): the issuer's platform, or the issuer itself.</summary>
    public required CdarParty Sender { get; init; }

    /// <summary>Who issues the statuses (MDT-38, MDT-40): the buyer or the seller, by SIREN; a platform for transmission statuses.</summary>
    public required CdarParty Issuer { get; init; }

    /// <summary>Who the message is for (MDT-59): at least one.</summary>
    public required IReadOnlyList<CdarParty> Recipients { get; init; }

    /// <summary>The statuses, at least one; all of one <see cref="LifecyclePhase"/>.</summary>
    public required IReadOnlyList<InvoiceStatusReport> Reports { get; init; }
}
