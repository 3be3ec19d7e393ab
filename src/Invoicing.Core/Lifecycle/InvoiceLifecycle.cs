using System.Globalization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The rules every store applies, in one place, so the in-memory, SQLite and PostgreSQL stores accept and refuse
/// exactly the same operations. Pure: the store reads what a rule needs inside its transaction and passes it in.
/// Every refusal is an <see cref="InvoiceValidationException"/> naming the rule and the field.
/// </summary>
/// <remarks>
/// Credit notes: a credit note (any credit-note type code) whose first preceding invoice reference (BT-25) names an
/// invoice issued in the same store is applied to it in the issuing transaction, for its amount due (BT-115).
/// The credits of an invoice may not exceed its amount due: one cannot cancel more than was invoiced. Payments do not
/// limit credits: crediting a paid invoice is allowed and leaves a negative balance, the amount to refund.
/// A reference to a number the store does not hold (an invoice of an earlier system) is kept on the document and
/// applied to nothing.
/// </remarks>
public static class InvoiceLifecycle
{
    /// <summary>
    /// Checks a draft before it is saved: it must not carry a number (numbers are given at issue), and it must read back
    /// from its JSON form (a database store keeps drafts as JSON; a draft it could not read back would be lost).
    /// </summary>
    /// <exception cref="InvoiceValidationException">INV-DRAFT-NUMBERED, INV-DRAFT-UNREADABLE (with the field).</exception>
    public static void CheckDraft(Invoice draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Number is not null)
        {
            throw Refuse("INV-DRAFT-NUMBERED", "number", $"A draft has no number; '{draft.Number}' would be given at issue.");
        }

        try
        {
            InvoiceJson.Deserialize(InvoiceJson.Serialize(draft));
        }
        catch (InvoiceFormatException exception)
        {
            var path = exception.Path ?? "$";
            throw new InvoiceValidationException(ValidationIssue.Error("INV-DRAFT-UNREADABLE", path, "The draft could not be read back once saved: " + exception.Message), exception);
        }
    }

    /// <summary>
    /// Checks what can be checked before the store's transaction: the request is complete, the document has no number,
    /// and its totals can be computed. Returns the totals.
    /// </summary>
    /// <exception cref="InvoiceValidationException">INV-ISSUE-NUMBERED, INV-ISSUE-SERIES, or the calculator's rule.</exception>
    public static InvoiceTotals PrepareIssue(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Document is null)
        {
            throw Refuse("INV-ISSUE-DOCUMENT", "document", "The issue request has no document.");
        }

        if (request.Series is null)
        {
            throw Refuse("INV-ISSUE-SERIES", "series", "The issue request has no number series.");
        }

        if (request.Document.Number is not null)
        {
            throw Refuse("INV-ISSUE-NUMBERED", "number", $"The document already has the number '{request.Document.Number}': an issued document is never issued again.");
        }

        return InvoiceCalculator.Calculate(request.Document);
    }

    /// <summary>
    /// Checks the issue against the state of its counter: the draft named by the request still exists, and the
    /// document is not dated before the last document of the counter (numbering is chronological).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="lastIssueDate">The issue date of the counter's last document, or null when the counter is new.</param>
    /// <param name="draftExists">Whether the request's draft is in the store (ignored when the request names none).</param>
    /// <exception cref="InvoiceValidationException">INV-ISSUE-DRAFT-UNKNOWN, INV-ISSUE-BACKDATED.</exception>
    public static void CheckIssue(IssueRequest request, LocalDate? lastIssueDate, bool draftExists)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DraftId is { } draftId && !draftExists)
        {
            throw Refuse("INV-ISSUE-DRAFT-UNKNOWN", "draftId", $"There is no draft {draftId}: it was deleted or already issued.");
        }

        if (lastIssueDate is { } last && request.Document.IssueDate < last)
        {
            throw Refuse(
                "INV-ISSUE-BACKDATED",
                "issueDate",
                string.Create(CultureInfo.InvariantCulture, $"The issue date {request.Document.IssueDate:yyyy-MM-dd} is before {last:yyyy-MM-dd}, the date of the last document numbered in '{request.Series.CounterKey(request.Document.IssueDate)}': numbering must be chronological."));
        }
    }

    /// <summary>The number of the invoice a document credits: its first preceding reference when it is a credit note; null otherwise.</summary>
    public static string? CreditedInvoiceNumber(Invoice document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Type.IsCreditNote() && document.PrecedingInvoices.Count > 0 && !string.IsNullOrWhiteSpace(document.PrecedingInvoices[0].Number)
            ? document.PrecedingInvoices[0].Number
            : null;
    }

    /// <summary>
    /// The credit to apply when a credit note is issued, or null when it credits no invoice of the store.
    /// </summary>
    /// <param name="document">The credit note, numbered.</param>
    /// <param name="totals">Its totals.</param>
    /// <param name="original">The account of the invoice named by <see cref="CreditedInvoiceNumber"/>, or null when the store has none.</param>
    /// <exception cref="InvoiceValidationException">INV-CREDIT-OF-CREDIT, INV-CREDIT-CURRENCY, INV-CREDIT-AMOUNT, INV-CREDIT-EXCEEDS-INVOICE.</exception>
    public static AppliedCredit? CreditToApply(Invoice document, InvoiceTotals totals, InvoiceAccount? original)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(totals);
        if (original is null || CreditedInvoiceNumber(document) is null)
        {
            return null;
        }

        const string path = "precedingInvoices[0].number";
        if (original.Invoice.Document.Type.IsCreditNote())
        {
            throw Refuse("INV-CREDIT-OF-CREDIT", path, $"{original.Number} is a credit note; a credit note credits an invoice.");
        }

        if (original.Invoice.Document.Currency != document.Currency)
        {
            throw Refuse("INV-CREDIT-CURRENCY", "currency", $"The credit note is in {document.Currency}, the invoice {original.Number} in {original.Invoice.Document.Currency}.");
        }

        if (original.WriteOff is not null)
        {
            throw Refuse("INV-CREDIT-WRITTEN-OFF", path, $"Invoice {original.Number} was written off: nothing is left on it to credit.");
        }

        var amount = totals.AmountDue;
        if (amount <= 0m)
        {
            throw Refuse("INV-CREDIT-AMOUNT", "lines", string.Create(CultureInfo.InvariantCulture, $"A credit note applied to {original.Number} must credit an amount above zero; its amount due (BT-115) is {amount}."));
        }

        var creditable = original.AmountDue - original.Credited;
        if (amount > creditable)
        {
            throw Refuse("INV-CREDIT-EXCEEDS-INVOICE", path, string.Create(CultureInfo.InvariantCulture, $"The credit note credits {amount} but only {creditable} of invoice {original.Number} is left to credit."));
        }

        return new AppliedCredit(document.Number ?? string.Empty, document.IssueDate, amount);
    }

    /// <summary>Checks a payment against the account it pays.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="account">The account of the invoice paid, or null when the store has none.</param>
    /// <param name="idAlreadyRecorded">Whether a payment with the same id is already recorded (on any invoice).</param>
    /// <exception cref="InvoiceValidationException">
    /// INV-PAYMENT-ID, INV-PAYMENT-INVOICE-UNKNOWN, INV-PAYMENT-DUPLICATE, INV-PAYMENT-AMOUNT, INV-PAYMENT-PRECISION,
    /// INV-PAYMENT-ON-CREDIT-NOTE, INV-PAYMENT-EXCEEDS-BALANCE.
    /// </exception>
    public static void CheckPayment(Payment payment, InvoiceAccount? account, bool idAlreadyRecorded)
    {
        CheckPaymentShape(payment);
        if (idAlreadyRecorded)
        {
            throw Refuse("INV-PAYMENT-DUPLICATE", "id", $"The payment {payment.Id} is already recorded.");
        }

        if (account is null)
        {
            throw Refuse("INV-PAYMENT-INVOICE-UNKNOWN", "invoiceNumber", $"There is no issued invoice '{payment.InvoiceNumber}'.");
        }

        if (account.Invoice.Document.Type.IsCreditNote())
        {
            throw Refuse("INV-PAYMENT-ON-CREDIT-NOTE", "invoiceNumber", $"{account.Number} is a credit note: payments are recorded against invoices.");
        }

        if (account.WriteOff is not null)
        {
            throw Refuse("INV-PAYMENT-WRITTEN-OFF", "invoiceNumber", $"Invoice {account.Number} was written off; a payment received later is recorded as other income, not against it.");
        }

        var currency = account.Invoice.Document.Currency;
        if (!currency.IsRounded(payment.Amount))
        {
            throw Refuse("INV-PAYMENT-PRECISION", "amount", string.Create(CultureInfo.InvariantCulture, $"The amount {payment.Amount} has more decimals than {currency} allows ({currency.MinorUnits})."));
        }

        if (payment.Amount > account.Balance)
        {
            throw Refuse("INV-PAYMENT-EXCEEDS-BALANCE", "amount", string.Create(CultureInfo.InvariantCulture, $"The payment of {payment.Amount} is above the balance of {account.Number}, {account.Balance}."));
        }
    }

    /// <summary>Checks what a payment must be whatever the store holds: an id, an invoice number, an amount above zero.</summary>
    /// <exception cref="InvoiceValidationException">INV-PAYMENT-ID, INV-PAYMENT-INVOICE-UNKNOWN, INV-PAYMENT-AMOUNT.</exception>
    public static void CheckPaymentShape(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Id == Guid.Empty)
        {
            throw Refuse("INV-PAYMENT-ID", "id", "A payment needs an id, so recording it twice is detected.");
        }

        if (string.IsNullOrWhiteSpace(payment.InvoiceNumber))
        {
            throw Refuse("INV-PAYMENT-INVOICE-UNKNOWN", "invoiceNumber", "A payment names the invoice it pays.");
        }

        if (payment.Amount <= 0m)
        {
            throw Refuse("INV-PAYMENT-AMOUNT", "amount", string.Create(CultureInfo.InvariantCulture, $"A payment amount must be above zero, not {payment.Amount}."));
        }
    }

    /// <summary>Checks what a write-off must be whatever the store holds: an invoice number and a reason.</summary>
    /// <exception cref="InvoiceValidationException">INV-WRITEOFF-INVOICE-UNKNOWN, INV-WRITEOFF-REASON.</exception>
    public static void CheckWriteOffShape(WriteOff writeOff)
    {
        ArgumentNullException.ThrowIfNull(writeOff);
        if (string.IsNullOrWhiteSpace(writeOff.InvoiceNumber))
        {
            throw Refuse("INV-WRITEOFF-INVOICE-UNKNOWN", "invoiceNumber", "A write-off names the invoice it closes.");
        }

        if (string.IsNullOrWhiteSpace(writeOff.Reason) || writeOff.Reason.Length > WriteOff.MaxReasonLength)
        {
            throw Refuse("INV-WRITEOFF-REASON", "reason", string.Create(CultureInfo.InvariantCulture, $"A write-off gives its reason, 1 to {WriteOff.MaxReasonLength} characters."));
        }
    }

    /// <summary>
    /// Checks a write-off against the account it closes and returns what to record: the whole remaining balance.
    /// Refused on an unknown invoice, a credit note, an invoice already written off, paid or credited in full.
    /// </summary>
    /// <param name="writeOff">The request.</param>
    /// <param name="account">The account of the invoice, or null when the store has none.</param>
    /// <exception cref="InvoiceValidationException">
    /// INV-WRITEOFF-INVOICE-UNKNOWN, INV-WRITEOFF-REASON, INV-WRITEOFF-ON-CREDIT-NOTE, INV-WRITEOFF-DUPLICATE,
    /// INV-WRITEOFF-CREDITED, INV-WRITEOFF-PAID, INV-WRITEOFF-DATE.
    /// </exception>
    public static AppliedWriteOff CheckWriteOff(WriteOff writeOff, InvoiceAccount? account)
    {
        CheckWriteOffShape(writeOff);
        if (account is null)
        {
            throw Refuse("INV-WRITEOFF-INVOICE-UNKNOWN", "invoiceNumber", $"There is no issued invoice '{writeOff.InvoiceNumber}'.");
        }

        if (account.Invoice.Document.Type.IsCreditNote())
        {
            throw Refuse("INV-WRITEOFF-ON-CREDIT-NOTE", "invoiceNumber", $"{account.Number} is a credit note: only an invoice's balance can be written off.");
        }

        if (account.WriteOff is not null)
        {
            throw Refuse("INV-WRITEOFF-DUPLICATE", "invoiceNumber", string.Create(CultureInfo.InvariantCulture, $"Invoice {account.Number} was already written off on {account.WriteOff.Date:yyyy-MM-dd}."));
        }

        if (account.Balance <= 0m)
        {
            throw account.Status == InvoiceStatus.Credited
                ? Refuse("INV-WRITEOFF-CREDITED", "invoiceNumber", $"Invoice {account.Number} is cancelled by credit notes: nothing is left to write off.")
                : Refuse("INV-WRITEOFF-PAID", "invoiceNumber", $"Invoice {account.Number} is paid: nothing is left to write off.");
        }

        if (writeOff.Date < account.Invoice.Document.IssueDate)
        {
            throw Refuse("INV-WRITEOFF-DATE", "date", string.Create(CultureInfo.InvariantCulture, $"The write-off date {writeOff.Date:yyyy-MM-dd} is before the invoice's issue date {account.Invoice.Document.IssueDate:yyyy-MM-dd}."));
        }

        return new AppliedWriteOff(writeOff.Date, account.Balance, writeOff.Reason);
    }

    /// <summary>
    /// Numbers and seals a document: formats its number from the series, and links it to the chain in
    /// <see cref="ArchiveHash.FormatMetadata"/>, recording the counter its sequence was drawn from.
    /// Call it last in the issuing transaction, once every check has passed and the sequence is drawn.
    /// </summary>
    public static IssuedInvoice Seal(IssueRequest request, InvoiceTotals totals, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(totals);
        var unhashed = new IssuedInvoice
        {
            Document = request.Document with { Number = request.Series.Format(sequence, request.Document.IssueDate) },
            Totals = totals,
            SeriesId = request.Series.Id,
            CounterKey = request.Series.CounterKey(request.Document.IssueDate),
            Sequence = sequence,
            IssuedAt = request.IssuedAt,
            PreviousHash = previousHash,
            HashFormat = ArchiveHash.FormatMetadata,
            Hash = string.Empty,
        };
        return unhashed with { Hash = ArchiveHash.Compute(unhashed) };
    }

    /// <summary>The refusal when the series formats a number the store already holds (a pattern without the year on a yearly series).</summary>
    public static InvoiceValidationException NumberTaken(string number) =>
        Refuse("INV-ISSUE-NUMBER-TAKEN", "series.pattern", $"The series gives the number '{number}', which is already issued: its pattern must tell its counters apart (add {{yyyy}} to a yearly series).");

    private static InvoiceValidationException Refuse(string rule, string path, string message) =>
        new(ValidationIssue.Error(rule, path, message));
}
