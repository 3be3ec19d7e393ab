using Invoicing.Core;
using Invoicing.Portal.Accounts;

namespace Invoicing.Portal.Rendering;

/// <summary>One document: status, lines, amounts, payments, downloads, and the pay and dispute forms when they apply.</summary>
internal static class DetailPage
{
    /// <summary>The longest dispute reason accepted.</summary>
    public const int MaxReasonLength = 2000;

    public static string Render(PageContext page, PortalDocument document, bool canPay, bool canDispute)
    {
        var text = page.Text;
        var heading = text.Format(document.IsCreditNote ? text.CreditNoteTitle : text.DetailTitle, document.Number);
        return Layout.Page(page, heading, html =>
        {
            var account = document.Account;
            var invoice = account.Invoice.Document;
            var currency = invoice.Currency;
            var culture = text.Culture;
            var path = ListPage.DetailPath(page.BasePath, document.Number);

            html.Raw("<p><a href=\"").Raw(HtmlWriter.Attribute(page.BasePath + "/invoices")).Raw("\">").Text(text.BackToList).Raw("</a></p>");
            html.Raw("<dl class=\"facts\">")
                .Element("dt", text.Status).Raw("<dd>");
            ListPage.StatusBadge(html, text, document.Status);
            html.Raw("</dd>").Element("dt", text.IssueDate).Element("dd", Formats.Date(invoice.IssueDate, culture));
            if (!document.IsCreditNote)
            {
                html.Element("dt", text.DueDate).Element("dd", Formats.Date(account.DueDate, culture))
                    .Element("dt", text.Balance).Element("dd", Formats.Money(document.Balance, currency, culture), "class=\"balance\"");
            }

            html.Raw("</dl>");
            if (document.Disputed && document.Status == PortalStatus.Disputed)
            {
                html.Element("p", text.DisputedNotice, "class=\"notice\" role=\"status\"");
            }

            if (canPay && page.Antiforgery is { } payToken)
            {
                html.Raw("<form method=\"post\" class=\"pay\" action=\"").Raw(HtmlWriter.Attribute(path + "/pay")).Raw("\">");
                Layout.Antiforgery(html, payToken);
                html.Element("button", text.Format(text.Pay, Formats.Money(document.Balance, currency, culture)), "type=\"submit\" class=\"primary\"").Raw("</form>");
            }

            Lines(html, text, account.Invoice);
            Amounts(html, text, document);
            if (!document.IsCreditNote)
            {
                Payments(html, text, account);
            }

            html.Raw("<section aria-labelledby=\"downloads-title\">").Element("h2", text.DownloadsTitle, "id=\"downloads-title\"").Raw("<ul class=\"downloads\">")
                .Raw("<li><a href=\"").Raw(HtmlWriter.Attribute(path + "/pdf")).Raw("\">").Text(text.DownloadPdf).Raw("</a></li>")
                .Raw("<li><a href=\"").Raw(HtmlWriter.Attribute(path + "/facturx")).Raw("\">").Text(text.DownloadFacturX).Raw("</a></li>")
                .Raw("</ul></section>");

            if (canDispute && page.Antiforgery is { } disputeToken)
            {
                html.Raw("<section aria-labelledby=\"dispute-title\">").Element("h2", text.DisputeTitle, "id=\"dispute-title\"")
                    .Element("p", text.DisputeHelp, "id=\"dispute-help\"")
                    .Raw("<form method=\"post\" action=\"").Raw(HtmlWriter.Attribute(path + "/dispute")).Raw("\">");
                Layout.Antiforgery(html, disputeToken);
                html.Element("label", text.DisputeReason, "for=\"reason\"")
                    .Raw("<textarea id=\"reason\" name=\"reason\" rows=\"4\" maxlength=\"" + MaxReasonLength + "\" aria-describedby=\"dispute-help\"></textarea>")
                    .Element("button", text.DisputeButton, "type=\"submit\" class=\"secondary\"")
                    .Raw("</form></section>");
            }
        });
    }

    private static void Lines(HtmlWriter html, PortalText text, IssuedInvoice issued)
    {
        var culture = text.Culture;
        var currency = issued.Document.Currency;
        html.Raw("<section aria-labelledby=\"lines-title\">").Element("h2", text.LinesTitle, "id=\"lines-title\"")
            .Raw("<div class=\"scroll\"><table>").Element("caption", text.LinesCaption, "class=\"visually-hidden\"")
            .Raw("<thead><tr>").Element("th", text.Item, "scope=\"col\"").Element("th", text.Quantity, "scope=\"col\" class=\"amount\"")
            .Element("th", text.UnitPrice, "scope=\"col\" class=\"amount\"").Element("th", text.VatRate, "scope=\"col\" class=\"amount\"")
            .Element("th", text.NetAmount, "scope=\"col\" class=\"amount\"").Raw("</tr></thead><tbody>");
        var lines = issued.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var net = i < issued.Totals.LineNetAmounts.Count ? issued.Totals.LineNetAmounts[i] : 0m;
            html.Raw("<tr>").Element("th", line.ItemName, "scope=\"row\"")
                .Element("td", Formats.Number(line.Quantity, culture), "class=\"amount\"")
                .Element("td", Formats.Money(line.NetPrice, currency, culture), "class=\"amount\"")
                .Element("td", line.VatRate is { } rate ? Formats.Number(rate, culture) + "\u00a0%" : string.Empty, "class=\"amount\"")
                .Element("td", Formats.Money(net, currency, culture), "class=\"amount\"")
                .Raw("</tr>");
        }

        html.Raw("</tbody></table></div></section>");
    }

    private static void Amounts(HtmlWriter html, PortalText text, PortalDocument document)
    {
        var account = document.Account;
        var totals = account.Invoice.Totals;
        var currency = document.Currency;
        var rows = new List<(string Label, decimal Amount)>
        {
            (text.NetTotal, totals.TaxExclusiveAmount),
            (text.VatTotal, totals.VatTotal),
            (text.GrossTotal, totals.TaxInclusiveAmount),
            (text.AmountDue, totals.AmountDue),
        };
        if (!document.IsCreditNote)
        {
            rows.Add((text.Paid, account.Paid));
            if (account.Credited != 0m)
            {
                rows.Add((text.Credited, account.Credited));
            }

            if (account.WrittenOff != 0m)
            {
                rows.Add((text.WrittenOff, account.WrittenOff));
            }

            rows.Add((text.Balance, document.Balance));
        }

        html.Raw("<section aria-labelledby=\"amounts-title\">").Element("h2", text.AmountsTitle, "id=\"amounts-title\"").Raw("<table class=\"summary\"><tbody>");
        foreach (var (label, amount) in rows)
        {
            html.Raw("<tr>").Element("th", label, "scope=\"row\"").Element("td", Formats.Money(amount, currency, text.Culture), "class=\"amount\"").Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    private static void Payments(HtmlWriter html, PortalText text, InvoiceAccount account)
    {
        var currency = account.Invoice.Document.Currency;
        html.Raw("<section aria-labelledby=\"payments-title\">").Element("h2", text.PaymentsTitle, "id=\"payments-title\"");
        if (account.Payments.Count == 0)
        {
            html.Element("p", text.NoPayments).Raw("</section>");
            return;
        }

        html.Raw("<table>").Element("caption", text.PaymentsCaption, "class=\"visually-hidden\"")
            .Raw("<thead><tr>").Element("th", text.PaymentDate, "scope=\"col\"").Element("th", text.MethodHeading, "scope=\"col\"")
            .Element("th", text.PaymentAmount, "scope=\"col\" class=\"amount\"").Raw("</tr></thead><tbody>");
        foreach (var payment in account.Payments)
        {
            html.Raw("<tr>").Element("th", Formats.Date(payment.Date, text.Culture), "scope=\"row\"")
                .Element("td", text.Methods.TryGetValue(payment.Method, out var method) ? method : payment.Method.ToString())
                .Element("td", Formats.Money(payment.Amount, currency, text.Culture), "class=\"amount\"")
                .Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }
}
