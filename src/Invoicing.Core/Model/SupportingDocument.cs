namespace Invoicing.Core;

/// <summary>
/// A supporting document referenced by the invoice (BG-24), by reference only: its identifier, what it is and where
/// it can be found; the document itself is not embedded.
/// </summary>
/// <param name="Id">Supporting document reference (BT-122).</param>
/// <param name="Description">
/// Supporting document description (BT-123). French invoices use a code of the BR-FR-17 list here, such as
/// <c>BON_LIVRAISON</c>, <c>BON_COMMANDE</c>, <c>RIB</c> or <c>DOCUMENT_ANNEXE</c>.
/// </param>
/// <param name="ExternalLocation">External document location (BT-124), a URI.</param>
public sealed record SupportingDocument(string Id, string? Description = null, string? ExternalLocation = null);
