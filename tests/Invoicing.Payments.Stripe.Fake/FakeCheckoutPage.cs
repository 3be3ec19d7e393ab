using System.Globalization;
using System.Net;
using Invoicing.Core;

namespace Invoicing.Payments.Stripe.Fake;

/// <summary>The hosted checkout page: plain, accessible HTML with the amount, the invoice number, a Pay button and a Cancel link.</summary>
internal static class FakeCheckoutPage
{
    private const string Style = """
        <style>
          body { font-family: sans-serif; color: #1a1a1a; background: #ffffff; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
          button { font-size: 1.1rem; padding: 0.6rem 2rem; color: #ffffff; background: #1f3a93; border: 0; border-radius: 4px; }
          button:focus-visible, a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
          a { color: #1f3a93; }
        </style>
        """;

    public static string Render(FakeCheckoutSession session)
    {
        var invoice = WebUtility.HtmlEncode(session.ClientReferenceId ?? session.Metadata.GetValueOrDefault("invoice_number") ?? session.Id);
        var amount = WebUtility.HtmlEncode(Amount(session.AmountTotal, session.Currency));
        var name = WebUtility.HtmlEncode(session.LineItemName ?? "Payment");
        var cancel = session.CancelUrl is { } url ? $"""<p><a href="{WebUtility.HtmlEncode(url)}">Cancel</a></p>""" : "";
        var body = session.Status == "open"
            ? $"""
              <form method="post" action="/checkout/{WebUtility.HtmlEncode(session.Id)}/pay">
                <button type="submit">Pay</button>
              </form>
              {cancel}
              """
            : $"""<p role="status">This checkout is {WebUtility.HtmlEncode(session.Status)}.</p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Pay invoice {{invoice}}</title>
              {{Style}}
            </head>
            <body>
              <main>
                <h1>Pay invoice {{invoice}}</h1>
                <p>{{name}}</p>
                <p>Amount due: <strong data-testid="amount">{{amount}}</strong></p>
                {{body}}
              </main>
            </body>
            </html>
            """;
    }

    /// <summary>The amount in the currency's decimals with its code, such as <c>120.00 EUR</c>.</summary>
    public static string Amount(long minorUnits, string currencyCode)
    {
        var currency = Currency.FromCode(currencyCode);
        return (minorUnits * currency.MinorUnit).ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency.Code;
    }
}
