namespace Invoicing.Portal.Rendering;

/// <summary>
/// The frame of every page: language, title, the style sheet (no inline style or script, as the CSP allows none),
/// a skip link, the banner with the language switch and sign-out, and the main region the content goes in.
/// </summary>
internal static class Layout
{
    public static string Page(PageContext page, string heading, Action<HtmlWriter> content)
    {
        var text = page.Text;
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html><html lang=\"").Raw(text.Language).Raw("\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">")
            .Element("title", heading + " – " + page.Title)
            .Raw("<link rel=\"stylesheet\" href=\"").Raw(HtmlWriter.Attribute(page.BasePath + "/portal.css")).Raw("\"></head><body>")
            .Raw("<a class=\"skip\" href=\"#main\">").Text(text.SkipLink).Raw("</a>")
            .Raw("<header class=\"banner\">").Element("p", page.Title, "class=\"brand\"");
        LanguageSwitch(html, page);
        if (page.SignedIn && page.Antiforgery is { } token)
        {
            html.Raw("<form method=\"post\" class=\"signout\" action=\"").Raw(HtmlWriter.Attribute(page.BasePath + "/sign-out")).Raw("\">");
            Antiforgery(html, token);
            html.Element("button", text.SignOut, "type=\"submit\" class=\"secondary\"").Raw("</form>");
        }

        html.Raw("</header><main id=\"main\" tabindex=\"-1\">").Element("h1", heading);
        content(html);
        html.Raw("</main></body></html>");
        return html.ToString();
    }

    public static void Antiforgery(HtmlWriter html, (string Field, string Token) token) =>
        html.Raw("<input type=\"hidden\" name=\"").Raw(HtmlWriter.Attribute(token.Field)).Raw("\" value=\"").Raw(HtmlWriter.Attribute(token.Token)).Raw("\">");

    private static void LanguageSwitch(HtmlWriter html, PageContext page)
    {
        html.Raw("<nav aria-label=\"").Raw(HtmlWriter.Attribute(page.Text.LanguageNavigation)).Raw("\"><ul class=\"languages\">");
        foreach (var (code, name) in new[] { ("fr", "Français"), ("en", "English") })
        {
            var href = page.BasePath + "/language/" + code + "?return=" + Uri.EscapeDataString(page.ReturnPath);
            html.Raw("<li><a href=\"").Raw(HtmlWriter.Attribute(href)).Raw("\" lang=\"").Raw(code).Raw("\" hreflang=\"").Raw(code).Raw('"' + (code == page.Text.Language ? " aria-current=\"true\"" : string.Empty) + ">")
                .Text(name).Raw("</a></li>");
        }

        html.Raw("</ul></nav>");
    }
}
