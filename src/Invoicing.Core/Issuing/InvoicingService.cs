using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The front door of the core: validates drafts, issues them through the store (which numbers them in the same
/// transaction), makes credit notes and records payments. Everything it refuses is an
/// <see cref="InvoiceValidationException"/> naming the rule and the field; nothing stored changes then.
/// </summary>
public sealed class InvoicingService
{
    private readonly IInvoiceStore _store;
    private readonly IClock _clock;
    private readonly InvoicingOptions _options;
    private readonly DateTimeZone _zone;

    /// <summary>Creates the service (DI does this for hosts that call <c>AddInvoicing</c>).</summary>
    public InvoicingService(IInvoiceStore store, IClock clock, IOptions<InvoicingOptions> options)
        : this(store, clock, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates the service without DI.</summary>
    public InvoicingService(IInvoiceStore store, IClock clock, InvoicingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _options = options ?? new InvoicingOptions();
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(_options.TimeZone)
            ?? throw new ArgumentException($"'{_options.TimeZone}' is not a time zone id of the IANA database.", nameof(options));
    }

    /// <summary>Today in the business's time zone (<see cref="InvoicingOptions.TimeZone"/>).</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_zone).Date;

    /// <summary>Validates a draft with the EN 16931 and French rules; the number may be absent.</summary>
    public static ValidationResult Validate(Invoice draft) => InvoiceValidator.Validate(draft);

    /// <summary>Validates and issues a draft: the store gives its number and freezes it.</summary>
    /// <exception cref="InvoiceValidationException">The draft breaks a rule (warnings too when <see cref="InvoicingOptions.TreatWarningsAsErrors"/>).</exception>
    public Task<IssuedInvoice> IssueAsync(Invoice draft, CancellationToken cancellationToken = default) =>
        IssueAsync(draft, draftId: null, cancellationToken);

    /// <summary>Issues a draft saved in the store, and deletes the draft in the same transaction.</summary>
    /// <exception cref="InvoiceValidationException">No draft has that id, or it breaks a rule.</exception>
    public async Task<IssuedInvoice> IssueDraftAsync(DraftId draftId, CancellationToken cancellationToken = default)
    {
        var draft = await _store.GetDraftAsync(draftId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("INV-DRAFT-UNKNOWN", "draftId", $"There is no draft {draftId}."));
        return await IssueAsync(draft, draftId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues a credit note for the whole invoice, dated today.</summary>
    /// <exception cref="InvoiceValidationException">The invoice is unknown or is itself a credit note.</exception>
    public async Task<IssuedInvoice> CreditAsync(string invoiceNumber, string? reason = null, CancellationToken cancellationToken = default)
    {
        var original = await GetIssuedAsync(invoiceNumber, cancellationToken).ConfigureAwait(false);
        return await IssueAsync(CreditNotes.Full(original, Today, reason), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues a credit note for part of the invoice (the lines and quantities given), dated today.</summary>
    /// <exception cref="InvoiceValidationException">The invoice or a line is unknown, or a quantity is out of range.</exception>
    public async Task<IssuedInvoice> CreditAsync(string invoiceNumber, IEnumerable<CreditedLine> lines, string? reason = null, CancellationToken cancellationToken = default)
    {
        var original = await GetIssuedAsync(invoiceNumber, cancellationToken).ConfigureAwait(false);
        return await IssueAsync(CreditNotes.Partial(original, Today, lines, reason), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a payment received, dated <paramref name="date"/> (today when null).</summary>
    /// <exception cref="InvoiceValidationException">Unknown invoice, amount not positive or above the balance.</exception>
    public Task<InvoiceAccount> RecordPaymentAsync(
        string invoiceNumber,
        decimal amount,
        PaymentMethod method,
        LocalDate? date = null,
        string? reference = null,
        CancellationToken cancellationToken = default) =>
        _store.RecordPaymentAsync(new Payment(Guid.NewGuid(), invoiceNumber, date ?? Today, amount, method, reference), cancellationToken);

    /// <summary>Writes off the remaining balance of an invoice as uncollectable, dated <paramref name="date"/> (today when null).</summary>
    /// <exception cref="InvoiceValidationException">Unknown invoice, a credit note, already settled or written off, no reason.</exception>
    public Task<InvoiceAccount> WriteOffAsync(string invoiceNumber, string reason, LocalDate? date = null, CancellationToken cancellationToken = default) =>
        _store.WriteOffAsync(new WriteOff(invoiceNumber, date ?? Today, reason), cancellationToken);

    private async Task<IssuedInvoice> IssueAsync(Invoice draft, DraftId? draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var result = InvoiceValidator.Validate(draft);
        var blocking = result.Issues.Where(i => i.Severity == ValidationSeverity.Error || _options.TreatWarningsAsErrors).ToList();
        if (blocking.Count > 0)
        {
            throw new InvoiceValidationException(blocking);
        }

        var series = draft.Type.IsCreditNote() ? _options.CreditNoteSeries : _options.InvoiceSeries;
        var request = new IssueRequest { Document = draft, Series = series, IssuedAt = _clock.GetCurrentInstant(), DraftId = draftId };
        return await _store.IssueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IssuedInvoice> GetIssuedAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        return await _store.GetAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("INV-UNKNOWN", "invoiceNumber", $"No invoice numbered '{invoiceNumber}' was issued."));
    }
}
