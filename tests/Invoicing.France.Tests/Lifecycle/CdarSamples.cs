using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests;

/// <summary>Status messages as the SDK writes them: one per status, with the parties and reasons the rules ask for.</summary>
internal static class CdarSamples
{
    public const string SellerSiren = "123456782";
    public const string BuyerSiren = "987654324";

    public static readonly Instant IssuedAt = Instant.FromUtc(2026, 9, 14, 8, 30, 15);

    /// <summary>A status from the buyer about invoice F2026-00042 (processing phase), or from a platform (transmission phase).</summary>
    public static CdarMessage For(LifecycleStatus status, params StatusReason[] reasons)
    {
        var transmission = LifecycleStatuses.PhaseOf(status) == LifecyclePhase.Transmission;
        var seller = status == LifecycleStatus.Cashed || status == LifecycleStatus.Cancelled || status == LifecycleStatus.Completed || status is >= LifecycleStatus.Factored and <= LifecycleStatus.NotFactored;
        return new CdarMessage
        {
            MessageId = "CDAR-" + LifecycleStatuses.Code(status) + "-0001",
            IssuedAt = IssuedAt,
            Sender = transmission ? CdarParty.Platform("0042", "Plateforme A") : CdarParty.Platform("0042"),
            Issuer = transmission ? CdarParty.Platform(name: "Plateforme A") : seller ? CdarParty.Seller(SellerSiren, "Vendeur SA") : CdarParty.Buyer(BuyerSiren, "Acheteur SARL"),
            Recipients = [seller ? CdarParty.Buyer(BuyerSiren) : CdarParty.Seller(SellerSiren)],
            Reports =
            [
                new InvoiceStatusReport
                {
                    InvoiceNumber = "F2026-00042",
                    InvoiceIssueDate = new LocalDate(2026, 9, 1),
                    DocumentTypeCode = "380",
                    Status = status,
                    Seller = CdarParty.Seller(SellerSiren, "Vendeur SA"),
                    Reasons = reasons.Length > 0 ? reasons : DefaultReasons(status),
                    Amounts = DefaultAmounts(status),
                },
            ],
        };
    }

    /// <summary>A reason each status that needs one accepts.</summary>
    public static StatusReason[] DefaultReasons(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Refused => [new StatusReason("CMD_ERR", "Le bon de commande 4512 ne correspond pas.")],
        LifecycleStatus.Rejected => [new StatusReason("DOUBLON", "Facture déjà reçue.")],
        LifecycleStatus.Disputed => [new StatusReason("QTE_ERR", "12 livrés, 15 facturés.")],
        LifecycleStatus.PartiallyApproved => [new StatusReason("QTE_ERR")],
        LifecycleStatus.Suspended => [new StatusReason("JUSTIF_ABS", "Bon de livraison manquant.")],
        LifecycleStatus.Inadmissible => [new StatusReason("IRR_SYNTAX")],
        LifecycleStatus.RoutingError => [new StatusReason("ROUTAGE_ERR")],
        _ => [],
    };

    private static StatusAmount[] DefaultAmounts(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Cashed => [new StatusAmount(StatusAmountTypes.Cashed, 1200.00m, Currency.Eur, 20m), new StatusAmount(StatusAmountTypes.Cashed, 105.50m, Currency.Eur, 5.5m)],
        LifecycleStatus.PartiallyApproved => [new StatusAmount(StatusAmountTypes.Approved, 800.00m, Currency.Eur), new StatusAmount(StatusAmountTypes.NotApproved, 200.00m, Currency.Eur)],
        LifecycleStatus.PaymentSent => [new StatusAmount(StatusAmountTypes.Paid, 1305.50m, Currency.Eur)],
        _ => [],
    };

    /// <summary>Every status the SDK has a name for.</summary>
    public static IEnumerable<LifecycleStatus> KnownStatuses() => Enum.GetValues<LifecycleStatus>();
}
