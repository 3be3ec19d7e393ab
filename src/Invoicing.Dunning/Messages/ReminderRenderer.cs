using System.Text.Encodings.Web;
using Fluid;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// Renders a planned reminder with its template in the customer's language: subject, plain text, and HTML in which
/// every value is HTML-escaped. Amounts, interest and the indemnity are computed here, on the planned day.
/// </summary>
public sealed class ReminderRenderer
{
    private readonly ReminderRenderOptions _options;
    private readonly TemplateOptions _templateOptions = new();

    /// <summary>Creates a renderer.</summary>
    public ReminderRenderer(ReminderRenderOptions? options = null)
    {
        _options = options ?? new ReminderRenderOptions();
        ArgumentNullException.ThrowIfNull(_options.Templates, "options.Templates");
        ArgumentNullException.ThrowIfNull(_options.Rates, "options.Rates");
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.DefaultLanguage, "options.DefaultLanguage");
    }

    /// <summary>Renders a reminder with the links of the options' format strings.</summary>
    /// <exception cref="InvoiceValidationException">No template for the step (DUN-TEMPLATE-MISSING), or late-payment costs that cannot be computed (DUN-RATE-MISSING, DUN-LATE-AMOUNT).</exception>
    public ReminderMessage Render(PlannedReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Render(reminder, FormatLinks(_options, reminder.Account));
    }

    /// <summary>Renders a reminder with the given links (from the host's portal and payment provider); an absent link leaves its lines out.</summary>
    /// <exception cref="InvoiceValidationException">No template for the step (DUN-TEMPLATE-MISSING), or late-payment costs that cannot be computed (DUN-RATE-MISSING, DUN-LATE-AMOUNT).</exception>
    public ReminderMessage Render(PlannedReminder reminder, MailLinks links)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(links);
        var (template, language) = _options.Templates.Find(reminder.Customer?.Language ?? _options.DefaultLanguage, reminder.Step.TemplateId, _options.DefaultLanguage);
        var account = reminder.Account;
        var invoice = account.Invoice.Document;
        var currency = invoice.Currency;
        var today = reminder.PlannedFor;
        var daysLate = (int)Math.Max(0, today.ToEpochDay() - account.DueDate.ToEpochDay());
        var costs = _options.StateLatePaymentCosts && daysLate > 0
            ? LatePaymentCalculator.Compute(account.Balance, currency, account.DueDate, today, _options.Rates)
            : LatePaymentCosts.None(currency);
        var french = language == "fr";
        var fee = reminder.Step.Fee is { } f ? currency.Round(f) : (decimal?)null;

        var context = InvoiceContext(_templateOptions, account, french, links);
        context.SetValue("days_late", daysLate);
        context.SetValue("days_before_due", (int)Math.Max(0, account.DueDate.ToEpochDay() - today.ToEpochDay()));
        context.SetValue("has_late_costs", costs.DaysLate > 0);
        context.SetValue("interest", MailFormat.Money(costs.Interest, currency, french));
        context.SetValue("annual_rate", MailFormat.Percent(costs.AnnualRatePercent, french));
        context.SetValue("indemnity", MailFormat.Money(costs.RecoveryIndemnity, currency, french));
        context.SetValue("has_fee", fee is > 0m);
        context.SetValue("fee", MailFormat.Money(fee ?? 0m, currency, french));
        context.SetValue("total_claimed", MailFormat.Money(account.Balance + costs.Total + (fee ?? 0m), currency, french));
        context.SetValue("level", reminder.Step.Level.ToString());

        var subject = template.Subject.Render(context, NullEncoder.Default).ReplaceLineEndings(" ").Trim();
        var text = template.Text.Render(context, NullEncoder.Default);
        var html = template.Html.Render(context, HtmlEncoder.Default);
        return new ReminderMessage(subject, text, html, language, costs, fee);
    }

    /// <summary>The links of the format strings: what reminders carried before links came from a portal or a payment provider.</summary>
    internal static MailLinks FormatLinks(ReminderRenderOptions options, InvoiceAccount account) =>
        new(Link(options.PortalLinkFormat, account), Link(options.PaymentLinkFormat, account));

    /// <summary>The variables every mail about an invoice has: parties, number, dates, open balance and links.</summary>
    internal static TemplateContext InvoiceContext(TemplateOptions templateOptions, InvoiceAccount account, bool french, MailLinks links)
    {
        var invoice = account.Invoice.Document;
        var context = new TemplateContext(templateOptions);
        context.SetValue("customer_name", invoice.Buyer.Name);
        context.SetValue("seller_name", invoice.Seller.TradingName ?? invoice.Seller.Name);
        context.SetValue("invoice_number", account.Number);
        context.SetValue("issue_date", MailFormat.Date(invoice.IssueDate, french));
        context.SetValue("due_date", MailFormat.Date(account.DueDate, french));
        context.SetValue("amount_due", MailFormat.Money(account.Balance, invoice.Currency, french));
        context.SetValue("payment_link", links.PaymentLink ?? string.Empty);
        context.SetValue("portal_link", links.PortalLink ?? string.Empty);
        return context;
    }

    private static string? Link(string? format, InvoiceAccount account) =>
        format is null
            ? null
            : format.Replace("{invoice}", Uri.EscapeDataString(account.Number), StringComparison.Ordinal)
                .Replace("{customer}", Uri.EscapeDataString(account.Invoice.Document.CustomerKey), StringComparison.Ordinal);
}
