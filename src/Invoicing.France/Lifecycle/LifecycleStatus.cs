namespace Invoicing.France;

/// <summary>
/// A lifecycle status of an invoice (XP Z12-012, CDAR MDT-105), by its code. The members are the statuses whose
/// meaning the SDK knows; a message may carry another code of the BR-FR-CDV-CL-06 list (250, 300, 400, 601...), read
/// as the number itself (<see cref="LifecycleStatuses.IsListed"/> tells whether a code is on the list).
/// </summary>
public enum LifecycleStatus
{
    /// <summary>200 "Déposée": the invoice was deposited on the seller's platform.</summary>
    Deposited = 200,

    /// <summary>201 "Émise par la plateforme": the seller's platform sent it on.</summary>
    IssuedByPlatform = 201,

    /// <summary>202 "Reçue par la plateforme": the buyer's platform received it.</summary>
    ReceivedByPlatform = 202,

    /// <summary>203 "Mise à disposition": the buyer can see it.</summary>
    MadeAvailable = 203,

    /// <summary>204 "Prise en charge": the buyer has taken it in hand.</summary>
    TakenOver = 204,

    /// <summary>205 "Approuvée": the buyer approved it in full.</summary>
    Approved = 205,

    /// <summary>206 "Approuvée partiellement": the buyer approved part of it (the amounts say which).</summary>
    PartiallyApproved = 206,

    /// <summary>207 "En litige": the buyer disputes it.</summary>
    Disputed = 207,

    /// <summary>208 "Suspendue": the buyer suspended it, waiting for something from the seller.</summary>
    Suspended = 208,

    /// <summary>209 "Complétée": the seller sent what a suspension waited for.</summary>
    Completed = 209,

    /// <summary>210 "Refusée": the buyer refused it; the seller corrects it with a credit note.</summary>
    Refused = 210,

    /// <summary>211 "Paiement transmis": the buyer sent the payment.</summary>
    PaymentSent = 211,

    /// <summary>212 "Encaissée": the seller received the payment (required of the seller where VAT is due on receipt).</summary>
    Cashed = 212,

    /// <summary>213 "Rejetée": a platform rejected it (invalid, duplicate, unknown recipient); it never reached the buyer.</summary>
    Rejected = 213,

    /// <summary>214 "Visée": approved by a second level of the buyer (public buyers).</summary>
    Endorsed = 214,

    /// <summary>220 "Annulée": the seller cancelled it.</summary>
    Cancelled = 220,

    /// <summary>221 "Erreur de routage": it was sent to the wrong recipient.</summary>
    RoutingError = 221,

    /// <summary>224 "Demande de paiement direct": a subcontractor asks to be paid directly.</summary>
    DirectPaymentRequested = 224,

    /// <summary>225 "Affacturée": the receivable was assigned to a factor.</summary>
    Factored = 225,

    /// <summary>226 "Affacturée confidentiel": assigned to a factor without telling the buyer.</summary>
    FactoredConfidentially = 226,

    /// <summary>227 "Changement de compte à payer": the account to pay changed.</summary>
    PayeeAccountChanged = 227,

    /// <summary>228 "Non affacturée": no longer assigned to a factor.</summary>
    NotFactored = 228,

    /// <summary>501 "Irrecevable": the platform could not read the flow at all (empty, wrong type, virus).</summary>
    Inadmissible = 501,
}
