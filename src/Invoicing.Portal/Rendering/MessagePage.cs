namespace Invoicing.Portal.Rendering;

/// <summary>A page that only says something: not found, link refused, session ended, too many attempts, refused form.</summary>
internal static class MessagePage
{
    /// <summary>
    /// The page. It never echoes what the request asked for (a number, a token): a document of another customer and a
    /// number that does not exist must give the same bytes.
    /// </summary>
    public static string Render(PageContext page, string heading, string message, bool linkToList) =>
        Layout.Page(page, heading, html =>
        {
            html.Element("p", message);
            if (linkToList)
            {
                html.Raw("<p><a href=\"").Raw(HtmlWriter.Attribute(page.BasePath + "/invoices")).Raw("\">").Text(page.Text.BackToList).Raw("</a></p>");
            }
        });
}
