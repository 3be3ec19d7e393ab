using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The events a change yields, built the same way by every store (which then gives each its position), and the
/// checks of the event operations' arguments. Pure.
/// </summary>
public static class InvoiceEvents
{
    /// <summary>The longest handler name, worker id, channel or source accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>An empty, read-only data map.</summary>
    public static IReadOnlyDictionary<string, string> NoData { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>The issued event of a newly issued document: its amount due, its type and dates.</summary>
    public static InvoiceEvent Issued(IssuedInvoice issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var document = issued.Document;
        return New(InvoiceEventKind.Issued, issued, issued.Totals.AmountDue, issued.IssuedAt, IssuedData(document.Type.IsCreditNote(), document.IssueDate, document.DueDate ?? document.IssueDate));
    }

    /// <summary>The data of an issued event, also written by the PostgreSQL store's trigger in the same shape.</summary>
    public static IReadOnlyDictionary<string, string> IssuedData(bool isCreditNote, LocalDate issueDate, LocalDate dueDate) => Data(
        ("documentType", isCreditNote ? "creditNote" : "invoice"),
        ("issueDate", Date(issueDate)),
        ("dueDate", Date(dueDate)));

    /// <summary>The credited event of the invoice a credit note was applied to, at the credit note's issue instant.</summary>
    public static InvoiceEvent Credited(InvoiceAccount after, AppliedCredit credit, Instant at)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(credit);
        return New(InvoiceEventKind.Credited, after.Invoice, credit.Amount, at, Data(("creditNoteNumber", credit.CreditNoteNumber), ("balance", Amount(after.Balance))));
    }

    /// <summary>Paid when the payment settled the balance, partly paid when some remains.</summary>
    public static InvoiceEvent Paid(InvoiceAccount after, Payment payment, Instant at)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(payment);
        return New(
            after.Balance <= 0m ? InvoiceEventKind.Paid : InvoiceEventKind.PartlyPaid,
            after.Invoice,
            payment.Amount,
            at,
            Data(("paymentId", payment.Id.ToString("D")), ("paymentDate", Date(payment.Date)), ("method", payment.Method.ToString()), ("balance", Amount(after.Balance))));
    }

    /// <summary>The written-off event, for the amount given up.</summary>
    public static InvoiceEvent WrittenOff(InvoiceAccount after, Instant at)
    {
        ArgumentNullException.ThrowIfNull(after);
        var writeOff = after.WriteOff ?? throw new ArgumentException("The account has no write-off.", nameof(after));
        return New(InvoiceEventKind.WrittenOff, after.Invoice, writeOff.Amount, at, Data(("date", Date(writeOff.Date)), ("reason", writeOff.Reason)));
    }

    /// <summary>The sent event; <paramref name="channel"/> is checked by <see cref="CheckNotice"/>.</summary>
    public static InvoiceEvent Sent(IssuedInvoice invoice, Instant at, string? channel) =>
        New(InvoiceEventKind.Sent, invoice, null, at, channel is null ? NoData : Data(("channel", channel)));

    /// <summary>The viewed event; <paramref name="source"/> is checked by <see cref="CheckNotice"/>.</summary>
    public static InvoiceEvent Viewed(IssuedInvoice invoice, Instant at, string? source) =>
        New(InvoiceEventKind.Viewed, invoice, null, at, source is null ? NoData : Data(("source", source)));

    /// <summary>The overdue event of an open invoice past its due date, for its balance.</summary>
    public static InvoiceEvent Overdue(InvoiceAccount account, Instant at)
    {
        ArgumentNullException.ThrowIfNull(account);
        return New(InvoiceEventKind.Overdue, account.Invoice, account.Balance, at, OverdueData(account.DueDate));
    }

    /// <summary>The data of an overdue event.</summary>
    public static IReadOnlyDictionary<string, string> OverdueData(LocalDate dueDate) => Data(("dueDate", Date(dueDate)));

    /// <summary>An event without an amount about an issued document (reminded, disputed), with the data given.</summary>
    public static InvoiceEvent About(InvoiceEventKind kind, IssuedInvoice invoice, Instant at, IReadOnlyDictionary<string, string> data) =>
        New(kind, invoice, null, at, data ?? NoData);

    /// <summary>The data of a reminded event: the policy step and the reminder's Message-ID.</summary>
    public static IReadOnlyDictionary<string, string> RemindedData(string stepId, string messageId) => Data(("stepId", stepId), ("messageId", messageId));

    /// <summary>The data of a disputed event: the day reminders are paused until, when one was given.</summary>
    public static IReadOnlyDictionary<string, string> DisputedData(LocalDate? pausedUntil) =>
        pausedUntil is { } until ? Data(("pausedUntil", Date(until))) : NoData;

    /// <summary>The longest reason text of a platform status accepted.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The platform status event of <paramref name="notice"/>, with the notice's id (checked by <see cref="CheckPlatformStatus"/>).</summary>
    public static InvoiceEvent PlatformStatus(IssuedInvoice invoice, PlatformStatusNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var entries = new List<(string, string)> { ("code", notice.Code) };
        if (notice.Name is { } name)
        {
            entries.Add(("name", name));
        }

        if (notice.MessageId is { } messageId)
        {
            entries.Add(("messageId", messageId));
        }

        if (notice.Reason is { } reason)
        {
            entries.Add(("reason", reason));
        }

        return New(InvoiceEventKind.PlatformStatus, invoice, null, notice.ReportedAt, Data([.. entries])) with { Id = notice.Id };
    }

    /// <summary>Checks a platform status notice before the store looks the invoice up.</summary>
    /// <exception cref="InvoiceValidationException">INV-EVENT-INVOICE-UNKNOWN (blank number), INV-EVENT-DETAIL (a blank, too long or empty field).</exception>
    public static void CheckPlatformStatus(string invoiceNumber, PlatformStatusNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        CheckNotice(invoiceNumber, notice.Code, "code");
        CheckNotice(invoiceNumber, notice.Name, "name");
        CheckNotice(invoiceNumber, notice.MessageId, "messageId");
        if (notice.Id == Guid.Empty)
        {
            throw Refuse("INV-EVENT-DETAIL", "id", "The status's id is empty; derive it from the status message so that a repeat is recognised.");
        }

        if (notice.Reason is { } reason && (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength))
        {
            throw Refuse("INV-EVENT-DETAIL", "reason", string.Create(CultureInfo.InvariantCulture, $"The reason is 1 to {MaxReasonLength} characters, or left out."));
        }
    }

    /// <summary>Whether an invoice is overdue on <paramref name="today"/> and so due an overdue event (if it has none).</summary>
    public static bool IsOverdue(InvoiceAccount account, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.IsOverdue(today);
    }

    /// <summary>Checks the arguments of a sent or viewed notice before the store looks the invoice up.</summary>
    /// <exception cref="InvoiceValidationException">INV-EVENT-INVOICE-UNKNOWN (blank number), INV-EVENT-DETAIL (blank or too long).</exception>
    public static void CheckNotice(string invoiceNumber, string? detail, string detailField)
    {
        if (string.IsNullOrWhiteSpace(invoiceNumber))
        {
            throw Refuse("INV-EVENT-INVOICE-UNKNOWN", "invoiceNumber", "The invoice number is blank.");
        }

        if (detail is not null && (string.IsNullOrWhiteSpace(detail) || detail.Length > MaxTextLength))
        {
            throw Refuse("INV-EVENT-DETAIL", detailField, string.Create(CultureInfo.InvariantCulture, $"The {detailField} is 1 to {MaxTextLength} characters, or left out."));
        }
    }

    /// <summary>The refusal when a notice names an invoice the store does not hold.</summary>
    public static InvoiceValidationException UnknownInvoice(string invoiceNumber) =>
        Refuse("INV-EVENT-INVOICE-UNKNOWN", "invoiceNumber", $"There is no issued invoice '{invoiceNumber}'.");

    /// <summary>Checks a handler name and a worker id of a cursor operation.</summary>
    /// <exception cref="InvoiceValidationException">INV-EVENT-HANDLER, INV-EVENT-WORKER.</exception>
    public static void CheckCursorArguments(string handlerName, string? workerId)
    {
        if (string.IsNullOrWhiteSpace(handlerName) || handlerName.Length > MaxTextLength)
        {
            throw Refuse("INV-EVENT-HANDLER", "handlerName", string.Create(CultureInfo.InvariantCulture, $"A handler name is 1 to {MaxTextLength} characters."));
        }

        if (workerId is not null && (string.IsNullOrWhiteSpace(workerId) || workerId.Length > MaxTextLength))
        {
            throw Refuse("INV-EVENT-WORKER", "workerId", string.Create(CultureInfo.InvariantCulture, $"A worker id is 1 to {MaxTextLength} characters."));
        }
    }

    /// <summary>Checks the arguments of <see cref="IInvoiceEventStore.ReadEventsAsync"/>.</summary>
    public static void CheckRead(long afterPosition, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
    }

    private static InvoiceEvent New(InvoiceEventKind kind, IssuedInvoice invoice, decimal? amount, Instant at, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceEvent
        {
            Id = Guid.NewGuid(),
            Position = 0,
            Kind = kind,
            InvoiceNumber = invoice.Number,
            CustomerKey = invoice.Document.CustomerKey,
            Currency = invoice.Document.Currency,
            Amount = amount,
            OccurredAt = at,
            Data = data,
        };
    }

    private static ReadOnlyDictionary<string, string> Data(params (string Key, string Value)[] entries)
    {
        var map = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return new ReadOnlyDictionary<string, string>(map);
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static InvoiceValidationException Refuse(string rule, string path, string message) =>
        new(ValidationIssue.Error(rule, path, message));
}
