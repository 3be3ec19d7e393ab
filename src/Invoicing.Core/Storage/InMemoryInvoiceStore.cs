using System.Runtime.CompilerServices;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A store that keeps everything in memory, behind one lock: for tests, samples and short-lived hosts.
/// It applies the same <see cref="InvoiceLifecycle"/> rules as the database stores; nothing survives the process.
/// </summary>
internal sealed partial class InMemoryInvoiceStore(InMemoryNumberAllocator numbers, IClock clock) : IInvoiceStore, IInvoiceEventStore, IDisposable, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DraftId, Invoice> _drafts = [];
    private readonly Dictionary<string, InvoiceAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<IssuedInvoice> _archive = [];
    private readonly Dictionary<string, LocalDate> _lastIssueDates = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _paymentIds = [];
    private bool _disposed;

    public Task<DraftId> SaveDraftAsync(Invoice draft, DraftId? id = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InvoiceLifecycle.CheckDraft(draft);
        lock (_gate)
        {
            ThrowIfDisposed();
            var key = id ?? DraftId.New();
            _drafts[key] = draft;
            return Task.FromResult(key);
        }
    }

    public Task<Invoice?> GetDraftAsync(DraftId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            return Task.FromResult(_drafts.GetValueOrDefault(id));
        }
    }

    public Task<bool> DeleteDraftAsync(DraftId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            return Task.FromResult(_drafts.Remove(id));
        }
    }

    /// <summary>
    /// Replaces a draft only while it exists: a recurring take-over must never bring back a draft that an issue deleted.
    /// </summary>
    internal bool TryReplaceDraft(DraftId id, Invoice draft)
    {
        InvoiceLifecycle.CheckDraft(draft);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_drafts.ContainsKey(id))
            {
                return false;
            }

            _drafts[id] = draft;
            return true;
        }
    }

    public Task<IssuedInvoice> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var totals = InvoiceLifecycle.PrepareIssue(request);
        var counterKey = request.Series.CounterKey(request.Document.IssueDate);
        lock (_gate)
        {
            ThrowIfDisposed();
            InvoiceLifecycle.CheckIssue(
                request,
                _lastIssueDates.TryGetValue(counterKey, out var last) ? last : null,
                request.DraftId is { } draftId && _drafts.ContainsKey(draftId));

            // Every check that reads the state runs before the sequence is drawn, so a refusal consumes no number.
            var creditedNumber = InvoiceLifecycle.CreditedInvoiceNumber(request.Document);
            var original = creditedNumber is null ? null : _accounts.GetValueOrDefault(creditedNumber);
            var sequence = PeekSequence(counterKey);
            var number = request.Series.Format(sequence, request.Document.IssueDate);
            if (_accounts.ContainsKey(number))
            {
                throw InvoiceLifecycle.NumberTaken(number);
            }

            var credit = InvoiceLifecycle.CreditToApply(request.Document with { Number = number }, totals, original);
            var drawn = numbers.Next(counterKey);
            if (drawn != sequence)
            {
                throw new InvalidOperationException($"The number allocator of counter '{counterKey}' was used outside the store (drew {drawn}, expected {sequence}).");
            }

            var issued = InvoiceLifecycle.Seal(request, totals, sequence, _archive.Count == 0 ? ArchiveHash.Genesis : _archive[^1].Hash);
            _archive.Add(issued);
            _accounts.Add(issued.Number, new InvoiceAccount { Invoice = issued });
            _lastIssueDates[counterKey] = request.Document.IssueDate;
            if (request.DraftId is { } issuedDraft)
            {
                _drafts.Remove(issuedDraft);
            }

            Append(InvoiceEvents.Issued(issued));
            if (credit is not null && original is not null)
            {
                var credited = original with { Credits = [.. original.Credits, credit] };
                _accounts[original.Number] = credited;
                Append(InvoiceEvents.Credited(credited, credit, issued.IssuedAt));
            }

            return Task.FromResult(issued);
        }
    }

    public Task<IssuedInvoice?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            return Task.FromResult(_accounts.GetValueOrDefault(number)?.Invoice);
        }
    }

    public Task<InvoiceAccount?> GetAccountAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            return Task.FromResult(_accounts.GetValueOrDefault(number));
        }
    }

    public async IAsyncEnumerable<InvoiceAccount> QueryAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        InvoiceAccount[] matches;
        lock (_gate)
        {
            ThrowIfDisposed();
            matches = [.. _accounts.Values.Where(account => Matches(account, query))];
        }

        Array.Sort(matches, static (a, b) =>
        {
            var byDue = a.DueDate.CompareTo(b.DueDate);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.Number, b.Number);
        });
        foreach (var account in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return account;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<InvoiceAccount> RecordPaymentAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InvoiceLifecycle.CheckPaymentShape(payment);
        lock (_gate)
        {
            ThrowIfDisposed();
            var account = _accounts.GetValueOrDefault(payment.InvoiceNumber);
            InvoiceLifecycle.CheckPayment(payment, account, _paymentIds.Contains(payment.Id));
            var updated = account! with { Payments = [.. account.Payments, payment] };
            _accounts[updated.Number] = updated;
            _paymentIds.Add(payment.Id);
            Append(InvoiceEvents.Paid(updated, payment, clock.GetCurrentInstant()));
            return Task.FromResult(updated);
        }
    }

    public Task<InvoiceAccount> WriteOffAsync(WriteOff writeOff, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InvoiceLifecycle.CheckWriteOffShape(writeOff);
        lock (_gate)
        {
            ThrowIfDisposed();
            var account = _accounts.GetValueOrDefault(writeOff.InvoiceNumber);
            var applied = InvoiceLifecycle.CheckWriteOff(writeOff, account);
            var updated = account! with { WriteOff = applied };
            _accounts[updated.Number] = updated;
            Append(InvoiceEvents.WrittenOff(updated, clock.GetCurrentInstant()));
            return Task.FromResult(updated);
        }
    }

    public Task<ArchiveVerification> VerifyArchiveAsync(CancellationToken cancellationToken = default)
    {
        IssuedInvoice[] archive;
        lock (_gate)
        {
            ThrowIfDisposed();
            archive = [.. _archive];
        }

        var verifier = new ArchiveChainVerifier();
        foreach (var issued in archive)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!verifier.Check(issued))
            {
                break;
            }
        }

        return Task.FromResult(verifier.Result());
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal static bool Matches(InvoiceAccount account, InvoiceQuery query)
    {
        var document = account.Invoice.Document;
        return (!query.OpenOnly || account.IsOpen)
            && (query.DueOnOrBefore is not { } due || account.DueDate <= due)
            && (query.CustomerKey is not { } customer || string.Equals(document.CustomerKey, customer, StringComparison.Ordinal))
            && (query.IssuedOnOrAfter is not { } from || document.IssueDate >= from)
            && (query.IssuedOnOrBefore is not { } to || document.IssueDate <= to);
    }

    private long PeekSequence(string counterKey) => numbers.Current(counterKey) + 1;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
