using System.Globalization;
using Invoicing.Core;
using Invoicing.Pdf.Components;
using Invoicing.Pdf.Layout;
using Invoicing.Reporting;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Documents;

/// <summary>
/// Composes a statement of account: seller and title, the customer, then per currency the movements with the running
/// balance (brought forward at the top of every following page), the totals and the aging of the balance.
/// </summary>
internal static class StatementLayout
{
    public static IEnumerable<IComponent> Components(StatementOfAccount statement, Labels labels, Formats formats, XImage? logo)
    {
        var facts = new List<(string, string)> { ($"{labels.StatementDate} :", formats.Date(statement.AsOf)) };
        if (statement.From is { } from)
        {
            facts.Add(($"{labels.Period} :", $"{formats.Date(from)} – {formats.Date(statement.AsOf)}"));
        }

        yield return new HeaderComponent(statement.Seller, logo, labels.Statement, facts);
        var customerLines = PartyText.AddressLines(statement.Customer.Address);
        customerLines.AddRange(PartyText.IdentityLines(statement.Customer, labels));
        yield return new TwoColumnBlock(labels.References, [(labels.CustomerAccount, statement.CustomerKey)], string.Empty, statement.Customer.Name, customerLines);
        foreach (var section in statement.Sections)
        {
            foreach (var component in Section(statement, section, labels, formats))
            {
                yield return component;
            }
        }
    }

    private static IEnumerable<IComponent> Section(StatementOfAccount statement, StatementSection section, Labels labels, Formats formats)
    {
        var c = section.Currency;
        var note = statement.From is { } start
            ? string.Format(CultureInfo.InvariantCulture, labels.PeriodNote, formats.Date(start), formats.Date(statement.AsOf))
            : string.Format(CultureInfo.InvariantCulture, labels.OpenItemsNote, formats.Date(statement.AsOf));
        yield return new ParagraphsComponent(statement.Sections.Count > 1 ? $"{labels.Currency} {c.Code}" : null, [note], small: false);

        var carried = section.OpeningBalance;
        yield return new TableComponent(
            [
                new TableColumn(labels.Document, 0.26),
                new TableColumn(labels.IssueDate, 0.12),
                new TableColumn(labels.DueDate, 0.13, XStringAlignment.Far),
                new TableColumn(labels.DaysLate, 0.1, XStringAlignment.Far),
                new TableColumn(labels.Debit, 0.13, XStringAlignment.Far),
                new TableColumn(labels.Credit, 0.13, XStringAlignment.Far),
                new TableColumn(labels.Balance, 0.13, XStringAlignment.Far),
            ],
            Rows(),
            carriedOver: () => new TableRow([labels.BroughtForward, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, formats.Amount(carried, c)], Bold: true));

        var totals = new List<TotalRow>();
        if (statement.From is not null)
        {
            totals.Add(new TotalRow(labels.OpeningBalance, formats.Amount(section.OpeningBalance, c)));
        }

        totals.Add(new TotalRow(labels.TotalDebit, formats.Amount(section.TotalDebit, c)));
        totals.Add(new TotalRow(labels.TotalCredit, formats.Amount(section.TotalCredit, c)));
        totals.Add(new TotalRow(section.ClosingBalance < 0m ? labels.BalanceInYourFavour : labels.BalanceDue, formats.Money(section.ClosingBalance, c), Emphasis: true));
        // The aging sits left of the totals, in the summary's two-column block, so both stay on one page.
        var aging = statement.Buckets.Buckets
            .Select((bucket, i) => (IReadOnlyList<string>)[BucketLabel(bucket, labels), string.Empty, formats.Amount(section.Aging[i], c)])
            .ToList();
        yield return new SummaryComponent(labels.AgingTitle, [labels.DaysLate, string.Empty, labels.Balance], aging, totals);

        IEnumerable<TableRow> Rows()
        {
            if (statement.From is { } from)
            {
                yield return new TableRow([labels.OpeningBalance, formats.Date(from), string.Empty, string.Empty, string.Empty, string.Empty, formats.Amount(section.OpeningBalance, c)], Bold: true);
            }
            else if (section.Lines.Count == 0)
            {
                yield return new TableRow([labels.NoMovement, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, formats.Amount(0m, c)]);
            }

            foreach (var line in section.Lines)
            {
                // The table asks for the brought-forward row while it draws this one: the balance before it.
                yield return Row(line, labels, formats, c);
                carried = line.RunningBalance;
            }
        }
    }

    private static TableRow Row(StatementLine line, Labels labels, Formats formats, Currency c)
    {
        var type = line.Type switch
        {
            StatementLineType.Invoice => labels.TypeInvoice,
            StatementLineType.CreditNote => labels.TypeCreditNote,
            _ => labels.TypePayment,
        };
        return new TableRow(
            [
                line.DocumentNumber,
                formats.Date(line.Date),
                line.DueDate is { } due ? formats.Date(due) : string.Empty,
                line.DaysOverdue is { } days and > 0 ? days.ToString(CultureInfo.InvariantCulture) : string.Empty,
                line.Debit != 0m ? formats.Amount(line.Debit, c) : string.Empty,
                line.Credit != 0m ? formats.Amount(line.Credit, c) : string.Empty,
                formats.Amount(line.RunningBalance, c),
            ],
            Details: [line.Reference is { Length: > 0 } reference ? $"{type} · {reference}" : type]);
    }

    private static string BucketLabel(AgingBucket bucket, Labels labels) => bucket switch
    {
        { MaxDaysOverdue: 0 } => labels.NotDue,
        { MaxDaysOverdue: null } => string.Create(CultureInfo.InvariantCulture, $"{labels.Over} {bucket.MinDaysOverdue - 1} {labels.Days}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bucket.MinDaysOverdue}-{bucket.MaxDaysOverdue} {labels.Days}"),
    };
}
