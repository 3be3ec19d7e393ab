namespace Invoicing.Portal.Rendering;

/// <summary>What every page needs: its words, the portal's base path, the title, and the current path for the language switch.</summary>
/// <param name="Text">The words of the page's language.</param>
/// <param name="BasePath">The portal's path from the site root (<c>/portal</c>), request path base included.</param>
/// <param name="Title">The name at the top of the page.</param>
/// <param name="ReturnPath">Where the language switch comes back to, under <paramref name="BasePath"/>.</param>
/// <param name="SignedIn">Whether a customer's session is open (shows the sign-out button).</param>
/// <param name="Antiforgery">The anti-forgery field name and token of the page's forms; null on pages without forms.</param>
internal sealed record PageContext(PortalText Text, string BasePath, string Title, string ReturnPath, bool SignedIn, (string Field, string Token)? Antiforgery);
