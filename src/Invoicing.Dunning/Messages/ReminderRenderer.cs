using System.Globalization;
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
    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };
    private static readonly NumberFormatInfo English = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NumberGroupSizes = [3] };
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

    /// <summary>Renders a reminder.</summary>
    /// <exception cref="InvoiceValidationException">No template for the step (DUN-TEMPLATE-MISSING), or late-payment costs that cannot be computed (DUN-RATE-MISSING, DUN-LATE-AMOUNT).</exception>
    public ReminderMessage Render(PlannedReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
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

        var context = new TemplateContext(_templateOptions);
        context.SetValue("customer_name", invoice.Buyer.Name);
        context.SetValue("seller_name", invoice.Seller.TradingName ?? invoice.Seller.Name);
        context.SetValue("invoice_number", account.Number);
        context.SetValue("issue_date", FormatDate(invoice.IssueDate, french));
        context.SetValue("due_date", FormatDate(account.DueDate, french));
        context.SetValue("amount_due", Money(account.Balance, currency, french));
        context.SetValue("days_late", daysLate);
        context.SetValue("days_before_due", (int)Math.Max(0, account.DueDate.ToEpochDay() - today.ToEpochDay()));
        context.SetValue("has_late_costs", costs.DaysLate > 0);
        context.SetValue("interest", Money(costs.Interest, currency, french));
        context.SetValue("annual_rate", Percent(costs.AnnualRatePercent, french));
        context.SetValue("indemnity", Money(costs.RecoveryIndemnity, currency, french));
        context.SetValue("has_fee", fee is > 0m);
        context.SetValue("fee", Money(fee ?? 0m, currency, french));
        context.SetValue("total_claimed", Money(account.Balance + costs.Total + (fee ?? 0m), currency, french));
        context.SetValue("payment_link", Link(_options.PaymentLinkFormat, account));
        context.SetValue("portal_link", Link(_options.PortalLinkFormat, account));
        context.SetValue("level", reminder.Step.Level.ToString());

        var subject = template.Subject.Render(context, NullEncoder.Default).ReplaceLineEndings(" ").Trim();
        var text = template.Text.Render(context, NullEncoder.Default);
        var html = template.Html.Render(context, HtmlEncoder.Default);
        return new ReminderMessage(subject, text, html, language, costs, fee);
    }

    private static string FormatDate(LocalDate date, bool french) =>
        french ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Money(decimal amount, Currency currency, bool french)
    {
        var digits = "N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture);
        return french
            ? amount.ToString(digits, French) + "\u00A0" + currency.Code
            : currency.Code + " " + amount.ToString(digits, English);
    }

    private static string Percent(decimal percent, bool french) =>
        french ? percent.ToString("0.00", French) + "\u00A0%" : percent.ToString("0.00", English) + "%";

    private static string Link(string? format, InvoiceAccount account) =>
        format is null
            ? string.Empty
            : format.Replace("{invoice}", Uri.EscapeDataString(account.Number), StringComparison.Ordinal)
                .Replace("{customer}", Uri.EscapeDataString(account.Invoice.Document.CustomerKey), StringComparison.Ordinal);
}
