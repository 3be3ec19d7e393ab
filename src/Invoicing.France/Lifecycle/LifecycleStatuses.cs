using System.Collections.Frozen;
using System.Globalization;

namespace Invoicing.France;

/// <summary>
/// The code list of lifecycle statuses (BR-FR-CDV-CL-06, schematron V1.4.0) and what each means: its French name and
/// the phase it belongs to. Pure.
/// </summary>
public static class LifecycleStatuses
{
    private static readonly FrozenSet<int> Listed = FrozenSet.Create(
        200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214,
        220, 221, 224, 225, 226, 227, 228, 250, 251, 300, 301, 400, 401, 500, 501, 601);

    private static readonly FrozenDictionary<LifecycleStatus, string> FrenchNames = new Dictionary<LifecycleStatus, string>
    {
        [LifecycleStatus.Deposited] = "Déposée",
        [LifecycleStatus.IssuedByPlatform] = "Émise par la plateforme",
        [LifecycleStatus.ReceivedByPlatform] = "Reçue par la plateforme",
        [LifecycleStatus.MadeAvailable] = "Mise à disposition",
        [LifecycleStatus.TakenOver] = "Prise en charge",
        [LifecycleStatus.Approved] = "Approuvée",
        [LifecycleStatus.PartiallyApproved] = "Approuvée partiellement",
        [LifecycleStatus.Disputed] = "En litige",
        [LifecycleStatus.Suspended] = "Suspendue",
        [LifecycleStatus.Completed] = "Complétée",
        [LifecycleStatus.Refused] = "Refusée",
        [LifecycleStatus.PaymentSent] = "Paiement transmis",
        [LifecycleStatus.Cashed] = "Encaissée",
        [LifecycleStatus.Rejected] = "Rejetée",
        [LifecycleStatus.Endorsed] = "Visée",
        [LifecycleStatus.Cancelled] = "Annulée",
        [LifecycleStatus.RoutingError] = "Erreur de routage",
        [LifecycleStatus.DirectPaymentRequested] = "Demande de paiement direct",
        [LifecycleStatus.Factored] = "Affacturée",
        [LifecycleStatus.FactoredConfidentially] = "Affacturée confidentiel",
        [LifecycleStatus.PayeeAccountChanged] = "Changement de compte à payer",
        [LifecycleStatus.NotFactored] = "Non affacturée",
        [LifecycleStatus.Inadmissible] = "Irrecevable",
    }.ToFrozenDictionary();

    /// <summary>Every status of the BR-FR-CDV-CL-06 list, in code order, named or not.</summary>
    public static IReadOnlyList<LifecycleStatus> All { get; } = Listed.Order().Select(code => (LifecycleStatus)code).ToArray();

    /// <summary>Whether the SDK knows what <paramref name="status"/> means (it has a member of <see cref="LifecycleStatus"/>).</summary>
    public static bool IsNamed(LifecycleStatus status) => FrenchNames.ContainsKey(status);

    /// <summary>Whether <paramref name="status"/> is a code of the BR-FR-CDV-CL-06 list.</summary>
    public static bool IsListed(LifecycleStatus status) => Listed.Contains((int)status);

    /// <summary>The status's code as written in a message (MDT-105): <c>"212"</c>.</summary>
    public static string Code(LifecycleStatus status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    /// <summary>The status of a code on the list; false for any other text (a name, a number not on the list).</summary>
    public static bool TryParse(string? code, out LifecycleStatus status)
    {
        status = default;
        if (code is not { Length: 3 } || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !Listed.Contains(value))
        {
            return false;
        }

        status = (LifecycleStatus)value;
        return true;
    }

    /// <summary>The status's French name as XP Z12-012 gives it ("Encaissée"), or its code for a listed status the SDK has no name for.</summary>
    public static string FrenchName(LifecycleStatus status) => FrenchNames.TryGetValue(status, out var name) ? name : Code(status);

    /// <summary>
    /// The phase a status is sent in: <see cref="LifecyclePhase.Transmission"/> for what platforms say about the
    /// flow (200 to 203, 213 rejected, 221 routing error, 501 inadmissible), <see cref="LifecyclePhase.Processing"/> for
    /// what the buyer and the seller say.
    /// </summary>
    public static LifecyclePhase PhaseOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Deposited or LifecycleStatus.IssuedByPlatform or LifecycleStatus.ReceivedByPlatform or LifecycleStatus.MadeAvailable
            or LifecycleStatus.Rejected or LifecycleStatus.RoutingError or LifecycleStatus.Inadmissible => LifecyclePhase.Transmission,
        _ => LifecyclePhase.Processing,
    };
}
