using Invoicing.Core;
using Invoicing.Crm;
using NodaTime;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// Reads <c>--template</c>: an invoice JSON (the form <c>invoicing validate</c> reads) whose seller, notes, payment
/// instructions, billing mode, VAT due date, exemptions, currency, payment terms and delay (due date minus issue date)
/// every CRM draft takes. Its buyer and lines are ignored.
/// </summary>
internal static class CrmTemplateFile
{
    public static async Task<CrmDraftTemplate> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var invoice = (await DocumentLoader.LoadAsync(path, cancellationToken).ConfigureAwait(false)).Invoice;
        var days = invoice.DueDate is { } due ? Period.DaysBetween(invoice.IssueDate, due) : 30;
        if (days is < 0 or > 3660)
        {
            throw new InvoiceFormatException($"The template's due date is {days} days after its issue date; a payment delay is 0 to 3660 days.", "--template");
        }

        return new CrmDraftTemplate
        {
            Seller = invoice.Seller,
            Notes = invoice.Notes,
            PaymentInstructions = invoice.PaymentInstructions,
            BusinessProcessType = invoice.BusinessProcessType,
            VatDueDateType = invoice.VatDueDateType,
            VatExemptions = invoice.VatExemptions,
            DefaultCurrency = invoice.Currency,
            DefaultPaymentDays = days,
            DefaultPaymentTerms = invoice.PaymentTerms,
        };
    }
}
