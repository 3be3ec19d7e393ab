using NodaTime;

namespace Invoicing.Core;

/// <summary>The in-memory store's outbox and handler cursors, behind the store's one lock.</summary>
internal sealed partial class InMemoryInvoiceStore
{
    private readonly List<InvoiceEvent> _events = [];
    private readonly HashSet<string> _overdueRecorded = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _platformStatusIds = [];
    private readonly Dictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<InvoiceEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckRead(afterPosition, maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();

            // Positions are 1 .. count with no gap here, so the event after p is at index p.
            var start = (int)Math.Min(afterPosition, _events.Count);
            return Task.FromResult<IReadOnlyList<InvoiceEvent>>(_events.GetRange(start, Math.Min(maxCount, _events.Count - start)).ToArray());
        }
    }

    public Task<InvoiceEvent> RecordSentAsync(string invoiceNumber, Instant sentAt, string? channel = null, CancellationToken cancellationToken = default) =>
        RecordNotice(invoiceNumber, channel, nameof(channel), cancellationToken, issued => InvoiceEvents.Sent(issued, sentAt, channel));

    public Task<InvoiceEvent> RecordViewedAsync(string invoiceNumber, Instant viewedAt, string? source = null, CancellationToken cancellationToken = default) =>
        RecordNotice(invoiceNumber, source, nameof(source), cancellationToken, issued => InvoiceEvents.Viewed(issued, viewedAt, source));

    public Task<InvoiceEvent?> RecordPlatformStatusAsync(string invoiceNumber, PlatformStatusNotice notice, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckPlatformStatus(invoiceNumber, notice);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            var account = _accounts.GetValueOrDefault(invoiceNumber) ?? throw InvoiceEvents.UnknownInvoice(invoiceNumber);
            return Task.FromResult(_platformStatusIds.Add(notice.Id) ? Append(InvoiceEvents.PlatformStatus(account.Invoice, notice)) : null);
        }
    }

    public Task<int> RecordOverdueAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = clock.GetCurrentInstant();
            var due = _accounts.Values
                .Where(account => InvoiceEvents.IsOverdue(account, today) && !_overdueRecorded.Contains(account.Number))
                .OrderBy(account => account.DueDate)
                .ThenBy(account => account.Number, StringComparer.Ordinal)
                .ToList();
            foreach (var account in due)
            {
                _overdueRecorded.Add(account.Number);
                Append(InvoiceEvents.Overdue(account, now));
            }

            return Task.FromResult(due.Count);
        }
    }

    public Task<long?> TryLeaseCursorAsync(string handlerName, string workerId, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            var cursor = _cursors.GetValueOrDefault(handlerName) ?? new Cursor(0, null, now);
            if (cursor.Worker is not null && cursor.Worker != workerId && cursor.LeaseUntil > now)
            {
                return Task.FromResult<long?>(null);
            }

            _cursors[handlerName] = cursor with { Worker = workerId, LeaseUntil = leaseUntil };
            return Task.FromResult<long?>(cursor.Position);
        }
    }

    public Task<bool> AdvanceCursorAsync(string handlerName, string workerId, long position, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_cursors.GetValueOrDefault(handlerName) is not { } cursor || cursor.Worker != workerId)
            {
                return Task.FromResult(false);
            }

            _cursors[handlerName] = cursor with { Position = Math.Max(cursor.Position, position) };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseCursorAsync(string handlerName, string workerId, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_cursors.GetValueOrDefault(handlerName) is { } cursor && cursor.Worker == workerId)
            {
                _cursors[handlerName] = cursor with { Worker = null };
            }
        }

        return Task.CompletedTask;
    }

    public Task<long> GetCursorAsync(string handlerName, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId: null);
        lock (_gate)
        {
            ThrowIfDisposed();
            return Task.FromResult(_cursors.GetValueOrDefault(handlerName)?.Position ?? 0);
        }
    }

    private Task<InvoiceEvent> RecordNotice(string invoiceNumber, string? detail, string detailField, CancellationToken cancellationToken, Func<IssuedInvoice, InvoiceEvent> create)
    {
        InvoiceEvents.CheckNotice(invoiceNumber, detail, detailField);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            var account = _accounts.GetValueOrDefault(invoiceNumber) ?? throw InvoiceEvents.UnknownInvoice(invoiceNumber);
            return Task.FromResult(Append(create(account.Invoice)));
        }
    }

    /// <summary>The clock that dates events whose change carries no instant.</summary>
    internal IClock Clock => clock;

    /// <summary>Records an event about an invoice known by its number (a reminder, a dispute); nothing when the store has no such invoice.</summary>
    internal void RecordForNumber(InvoiceEventKind kind, string invoiceNumber, Instant at, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            if (!_disposed && _accounts.GetValueOrDefault(invoiceNumber) is { } account)
            {
                Append(InvoiceEvents.About(kind, account.Invoice, at, data));
            }
        }
    }

    /// <summary>Gives the event the next position and appends it; call under the lock, in the change's critical section.</summary>
    private InvoiceEvent Append(InvoiceEvent invoiceEvent)
    {
        var positioned = invoiceEvent with { Position = _events.Count + 1 };
        _events.Add(positioned);
        return positioned;
    }

    private sealed record Cursor(long Position, string? Worker, Instant LeaseUntil);
}
