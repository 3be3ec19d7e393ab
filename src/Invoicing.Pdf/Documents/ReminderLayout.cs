using System.Globalization;
using Invoicing.Core;
using Invoicing.Pdf.Components;
using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Documents;

/// <summary>Composes a reminder letter: sender, addressee, subject, text, the overdue invoices, fees, interest and how to pay.</summary>
internal static class ReminderLayout
{
    public static IEnumerable<IComponent> Components(ReminderLetter letter, Labels labels, Formats formats, XImage? logo, PdfRenderOptions options)
    {
        var facts = new List<(string, string)> { ($"{labels.ReminderDate} :", formats.Date(letter.Date)) };
        if (letter.Level is { } level)
        {
            facts.Add(($"{labels.Level} :", level.ToString(CultureInfo.InvariantCulture)));
        }

        yield return new HeaderComponent(letter.Seller, logo, labels.Reminder, facts);
        var buyerLines = PartyText.AddressLines(letter.Buyer.Address);
        buyerLines.AddRange(PartyText.IdentityLines(letter.Buyer, labels));
        yield return new TwoColumnBlock(labels.References, [], string.Empty, letter.Buyer.Name, buyerLines);
        yield return new ParagraphsComponent(null, [labels.ReminderSubject, .. letter.Paragraphs], small: false);
        var c = letter.Currency;
        yield return new TableComponent(
            [
                new TableColumn(labels.OverdueInvoice, 0.26),
                new TableColumn(labels.InvoiceDate, 0.18, XStringAlignment.Far),
                new TableColumn(labels.DueDate, 0.18, XStringAlignment.Far),
                new TableColumn(labels.DaysLate, 0.16, XStringAlignment.Far),
                new TableColumn(labels.AmountDue, 0.22, XStringAlignment.Far),
            ],
            letter.Items.Select(i => new TableRow([i.InvoiceNumber, formats.Date(i.IssueDate), formats.Date(i.DueDate), i.DaysLate.ToString(CultureInfo.InvariantCulture), formats.Amount(i.AmountDue, c)])));
        var totals = new List<TotalRow> { new(labels.AmountDue, formats.Amount(letter.Items.Sum(i => i.AmountDue), c)) };
        if (letter.Fees != 0)
        {
            totals.Add(new TotalRow(labels.Fees, formats.Amount(letter.Fees, c)));
        }

        if (letter.Interest != 0)
        {
            totals.Add(new TotalRow(labels.Interest, formats.Amount(letter.Interest, c)));
        }

        totals.Add(new TotalRow(labels.TotalDue, formats.Money(letter.Total, c), Emphasis: true));
        yield return new SummaryComponent(labels.VatBreakdown, [], [], totals);

        var payment = new List<(string, string)>();
        string? qr = null;
        if (letter.PaymentInstructions is { } pay)
        {
            foreach (var account in pay.CreditTransfers)
            {
                payment.Add((labels.Iban, account.AccountId));
                if (account.ServiceProviderId is { } bic)
                {
                    payment.Add((labels.Bic, bic));
                }
            }

            if (pay.RemittanceInformation is { } reference)
            {
                payment.Add((labels.PaymentReference, reference));
            }

            if (options.SepaQrCode)
            {
                var pseudo = new Invoice
                {
                    Number = letter.Items[0].InvoiceNumber,
                    IssueDate = letter.Date,
                    Currency = c,
                    Seller = letter.Seller,
                    Buyer = letter.Buyer,
                    PaymentInstructions = pay,
                };
                qr = EpcQrPayload.For(pseudo, letter.Total);
            }
        }

        if (options.PaymentLink is { } link)
        {
            payment.Add((labels.PayOnline, link.ToString()));
        }

        yield return new PaymentComponent(labels.Payment, payment, qr, labels.ScanToPay);
    }
}
