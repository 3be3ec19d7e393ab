using Invoicing.Core;
using NodaTime;

namespace Invoicing.Crm;

/// <summary>
/// Turns a source's won deals into invoice drafts, each exactly once: read the customers, then the deals, page by page
/// from the stored cursors; map each deal (<see cref="CrmMapping"/>), apply it to the ledger (its row and its draft in
/// one store transaction, keyed by the CRM id and version), and store the cursor after each page. A run that stops
/// anywhere resumes at the last page it finished, and the ledger skips what it already applied.
/// </summary>
public sealed class CrmSync
{
    /// <summary>The ledger stream of a source's customers.</summary>
    public const string CustomersStream = "customers";

    /// <summary>The ledger stream of a source's deals.</summary>
    public const string DealsStream = "deals";

    private readonly ICrmSyncStore _ledger;
    private readonly IInvoiceStore _invoices;
    private readonly InvoicingService _invoicing;
    private readonly CrmMapping _mapping;
    private readonly IClock _clock;

    /// <summary>Creates the sync over the ledger and the invoice store it sits beside.</summary>
    public CrmSync(ICrmSyncStore ledger, IInvoiceStore invoices, InvoicingService invoicing, CrmMapping mapping, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(invoicing);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(clock);
        _ledger = ledger;
        _invoices = invoices;
        _invoicing = invoicing;
        _mapping = mapping;
        _clock = clock;
    }

    /// <summary>Runs one sync of <paramref name="source"/>.</summary>
    /// <exception cref="CrmException">The source failed (credentials, unreadable answer, outage); what was applied before stays, and the next run resumes after the last page finished.</exception>
    /// <exception cref="InvoiceStoreException">The store cannot be read or written.</exception>
    public async Task<CrmSyncReport> RunAsync(ICrmSource source, CrmSyncRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CrmSyncRunOptions();
        var name = CrmSyncRules.RequireKey(source.Name, "CRM-SYNC-SOURCE", "source", CrmSyncRules.MaxSourceLength);
        var run = new Run(name, options.DryRun);
        await foreach (var page in source.CustomersAsync(await CursorAsync(name, CustomersStream, options, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
        {
            foreach (var customer in page.Items)
            {
                run.Customers[customer.Id] = customer;
            }

            await SaveCursorAsync(run, CustomersStream, page.Next, cancellationToken).ConfigureAwait(false);
        }

        run.CustomersRead = run.Customers.Count;
        var today = _invoicing.Today;
        await foreach (var page in source.DealsAsync(await CursorAsync(name, DealsStream, options, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
        {
            foreach (var deal in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await SyncDealAsync(source, run, deal, today, cancellationToken).ConfigureAwait(false);
            }

            await SaveCursorAsync(run, DealsStream, page.Next, cancellationToken).ConfigureAwait(false);
        }

        return run.ToReport();
    }

    private async Task SyncDealAsync(ICrmSource source, Run run, CrmDeal deal, LocalDate today, CancellationToken cancellationToken)
    {
        if (!deal.IsWon)
        {
            run.Skipped++;
            return;
        }

        var customer = await CustomerAsync(source, run, deal.CustomerId, cancellationToken).ConfigureAwait(false);
        var result = _mapping.ToDraft(deal, customer, today);
        CrmSyncChange change;
        try
        {
            change = new CrmSyncChange(run.Source, deal.Id, deal.Version, result.Draft, result.IsHeld ? Describe(result.Issues) : null, _clock.GetCurrentInstant());
        }
        catch (InvoiceValidationException exception)
        {
            // An id or version no ledger can keep (blank, control characters): reported as held, nothing written.
            run.Add(deal, customer, CrmSyncOutcome.Held, null, exception.Issues);
            return;
        }

        var outcome = run.DryRun ? await PreviewAsync(change, cancellationToken).ConfigureAwait(false) : await _ledger.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        run.Add(deal, customer, outcome, outcome is CrmSyncOutcome.Created or CrmSyncOutcome.Updated ? change : null, result.Issues);
    }

    private async Task<CrmCustomer?> CustomerAsync(ICrmSource source, Run run, string? customerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return null;
        }

        if (!run.Customers.TryGetValue(customerId, out var customer))
        {
            customer = await source.GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
            run.Customers[customerId] = customer;
        }

        return customer;
    }

    /// <summary>What <see cref="ICrmSyncStore.ApplyAsync"/> would do, by the same rules, writing nothing.</summary>
    private async Task<CrmSyncOutcome> PreviewAsync(CrmSyncChange change, CancellationToken cancellationToken)
    {
        var existing = await _ledger.GetAsync(change.Source, change.RecordId, cancellationToken).ConfigureAwait(false);
        var draftExists = existing is not null && await _invoices.GetDraftAsync(change.DraftId, cancellationToken).ConfigureAwait(false) is not null;
        return CrmSyncRules.Decide(existing, draftExists, change).Outcome;
    }

    private async Task<CrmCursor?> CursorAsync(string source, string stream, CrmSyncRunOptions options, CancellationToken cancellationToken) =>
        options.FullResync || await _ledger.GetCursorAsync(source, stream, cancellationToken).ConfigureAwait(false) is not { } text
            ? null
            : CrmCursor.Parse(text, source);

    private Task SaveCursorAsync(Run run, string stream, CrmCursor next, CancellationToken cancellationToken) =>
        run.DryRun ? Task.CompletedTask : _ledger.SaveCursorAsync(run.Source, stream, next.ToString(), cancellationToken);

    private static string Describe(IReadOnlyList<ValidationIssue> issues) => string.Join('\n', issues.Select(issue => $"{issue.RuleId} {issue.Path}: {issue.Message}"));

    private sealed class Run(string source, bool dryRun)
    {
        private readonly List<CrmSyncEntry> _entries = [];
        private readonly int[] _counts = new int[6];

        public string Source { get; } = source;

        public bool DryRun { get; } = dryRun;

        public Dictionary<string, CrmCustomer?> Customers { get; } = new(StringComparer.Ordinal);

        public int CustomersRead { get; set; }

        public int Skipped { get; set; }

        public void Add(CrmDeal deal, CrmCustomer? customer, CrmSyncOutcome outcome, CrmSyncChange? written, IReadOnlyList<ValidationIssue> issues)
        {
            _counts[(int)outcome]++;
            if (outcome == CrmSyncOutcome.Unchanged)
            {
                return;
            }

            _entries.Add(new CrmSyncEntry
            {
                DealId = deal.Id,
                Version = deal.Version,
                Outcome = outcome,
                DealName = deal.Name,
                CustomerName = customer?.Name,
                AmountDue = written?.Draft is { } draft ? InvoiceCalculator.Calculate(draft).AmountDue : null,
                Currency = written?.Draft?.Currency.Code,
                DraftId = written?.DraftId,
                Issues = outcome == CrmSyncOutcome.Held ? issues : [],
            });
        }

        public CrmSyncReport ToReport() => new()
        {
            Source = Source,
            DryRun = DryRun,
            Entries = _entries,
            Created = _counts[(int)CrmSyncOutcome.Created],
            Updated = _counts[(int)CrmSyncOutcome.Updated],
            Held = _counts[(int)CrmSyncOutcome.Held],
            Reported = _counts[(int)CrmSyncOutcome.Reported],
            Unchanged = _counts[(int)CrmSyncOutcome.Unchanged],
            Skipped = Skipped,
            CustomersRead = CustomersRead,
        };
    }
}
