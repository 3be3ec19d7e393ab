using Invoicing.Portal.Accounts;

namespace Invoicing.Portal.Rendering;

/// <summary>The customer's invoices and credit notes with status and balance, and what is due per currency.</summary>
internal static class ListPage
{
    public static string Render(PageContext page, IReadOnlyList<PortalDocument> documents)
    {
        var text = page.Text;
        return Layout.Page(page, text.ListTitle, html =>
        {
            if (documents.Count == 0)
            {
                html.Element("p", text.NoDocuments);
                return;
            }

            Totals(html, text, CurrencyTotal.Of(documents));
            html.Raw("<div class=\"scroll\"><table class=\"documents\">").Element("caption", text.ListCaption)
                .Raw("<thead><tr>").Element("th", text.Number, "scope=\"col\"").Element("th", text.Kind, "scope=\"col\"")
                .Element("th", text.IssueDate, "scope=\"col\"").Element("th", text.DueDate, "scope=\"col\"").Element("th", text.Status, "scope=\"col\"")
                .Element("th", text.Total, "scope=\"col\" class=\"amount\"").Element("th", text.Balance, "scope=\"col\" class=\"amount\"")
                .Raw("</tr></thead><tbody>");
            foreach (var document in documents)
            {
                var invoice = document.Account.Invoice;
                html.Raw("<tr><th scope=\"row\"><a href=\"").Raw(HtmlWriter.Attribute(DetailPath(page.BasePath, document.Number))).Raw("\">").Text(document.Number).Raw("</a></th>")
                    .Element("td", document.IsCreditNote ? text.KindCreditNote : text.KindInvoice)
                    .Element("td", Formats.Date(invoice.Document.IssueDate, text.Culture))
                    .Element("td", document.IsCreditNote ? string.Empty : Formats.Date(document.Account.DueDate, text.Culture))
                    .Raw("<td>");
                StatusBadge(html, text, document.Status);
                html.Raw("</td>")
                    .Element("td", Formats.Money(invoice.Totals.AmountDue, document.Currency, text.Culture), "class=\"amount\"")
                    .Element("td", Formats.Money(document.Balance, document.Currency, text.Culture), "class=\"amount\"")
                    .Raw("</tr>");
            }

            html.Raw("</tbody></table></div>");
        });
    }

    public static string DetailPath(string basePath, string number) => basePath + "/invoices/" + Uri.EscapeDataString(number);

    public static void StatusBadge(HtmlWriter html, PortalText text, PortalStatus status) =>
        html.Element("span", text.Statuses[status], "class=\"status status-" + status.ToString().ToLowerInvariant() + "\"");

    private static void Totals(HtmlWriter html, PortalText text, IReadOnlyList<CurrencyTotal> totals)
    {
        html.Raw("<section aria-labelledby=\"totals-title\">").Element("h2", text.TotalsTitle, "id=\"totals-title\"")
            .Raw("<table class=\"totals\">").Element("caption", text.TotalsCaption, "class=\"visually-hidden\"")
            .Raw("<thead><tr>").Element("th", text.Currency, "scope=\"col\"").Element("th", text.TotalDue, "scope=\"col\" class=\"amount\"")
            .Element("th", text.TotalOverdue, "scope=\"col\" class=\"amount\"").Raw("</tr></thead><tbody>");
        foreach (var total in totals)
        {
            html.Raw("<tr>").Element("th", total.Currency.Code, "scope=\"row\"")
                .Element("td", Formats.Money(total.Due, total.Currency, text.Culture), "class=\"amount\"")
                .Element("td", Formats.Money(total.Overdue, total.Currency, text.Culture), "class=\"amount\"")
                .Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }
}
