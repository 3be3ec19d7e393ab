using Invoicing.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Invoicing.Events;

/// <summary>
/// Reads each handler's events after its cursor and advances the cursor only once the handler returned: at least once,
/// in order, per handler. A handler that throws keeps its cursor where it was and waits a growing delay
/// (<see cref="RetryBackoff"/>) before it gets the same event again; the other handlers go on.
/// </summary>
internal sealed partial class InvoiceEventDispatcher : IInvoiceEventDispatcher
{
    private readonly IInvoiceEventStore _store;
    private readonly IReadOnlyList<IInvoiceEventHandler> _handlers;
    private readonly IClock _clock;
    private readonly InvoiceEventOptions _options;
    private readonly DateTimeZone _zone;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Failure> _failures = new(StringComparer.Ordinal);

    public InvoiceEventDispatcher(IInvoiceEventStore store, IEnumerable<IInvoiceEventHandler> handlers, IClock clock, InvoiceEventOptions options, DateTimeZone zone, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        _store = store;
        _handlers = [.. handlers];
        _clock = clock;
        _options = options;
        _zone = zone;
        _logger = logger ?? NullLogger.Instance;
        CheckHandlerNames(_handlers);
    }

    public async Task<InvoiceEventDispatchResult> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = await Task.WhenAll(_handlers.Select(handler => DeliverAsync(handler, cancellationToken))).ConfigureAwait(false);
        return new InvoiceEventDispatchResult(
            outcomes.Sum(o => o.Delivered),
            outcomes.Count(o => o.Kind == OutcomeKind.Failed),
            outcomes.Count(o => o.Kind == OutcomeKind.Skipped));
    }

    public Task<int> RecordOverdueAsync(CancellationToken cancellationToken = default) =>
        _store.RecordOverdueAsync(_clock.GetCurrentInstant().InZone(_zone).Date, cancellationToken);

    /// <summary>Handler names key the cursors: each must be valid and unique, checked once at start.</summary>
    private static void CheckHandlerNames(IReadOnlyList<IInvoiceEventHandler> handlers)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            InvoiceEvents.CheckCursorArguments(handler.Name, workerId: null);
            if (!names.Add(handler.Name))
            {
                throw new InvalidOperationException($"Two invoice event handlers are named '{handler.Name}': each handler's name keys its cursor and must be unique.");
            }
        }
    }

    private async Task<Outcome> DeliverAsync(IInvoiceEventHandler handler, CancellationToken cancellationToken)
    {
        var name = handler.Name;
        var now = _clock.GetCurrentInstant();
        if (WaitingToRetry(name, now))
        {
            return new Outcome(OutcomeKind.Skipped, 0);
        }

        var worker = _options.WorkerId;
        var leasedAt = now;
        var leased = await _store.TryLeaseCursorAsync(name, worker, now, LeaseEnd(now), cancellationToken).ConfigureAwait(false);
        if (leased is not { } position)
        {
            return new Outcome(OutcomeKind.Skipped, 0);
        }

        var delivered = 0;
        try
        {
            // One batch per pass: a handler with much to catch up on, or events arriving without pause, never keeps
            // the pass from ending, so every other handler gets its next pass (the caller runs passes back to back
            // while they deliver).
            foreach (var invoiceEvent in await _store.ReadEventsAsync(position, _options.BatchSize, cancellationToken).ConfigureAwait(false))
            {
                // Renewed once half of it is gone, so a slow batch keeps the handler to this instance; only a single
                // HandleAsync longer than the whole lease could let another instance start beside it.
                var current = _clock.GetCurrentInstant();
                if (current - leasedAt >= Duration.FromTimeSpan(_options.LeaseDuration) / 2)
                {
                    if (await _store.TryLeaseCursorAsync(name, worker, current, LeaseEnd(current), cancellationToken).ConfigureAwait(false) is null)
                    {
                        LogLeaseLost(_logger, name, position);
                        return new Outcome(OutcomeKind.Delivered, delivered);
                    }

                    leasedAt = current;
                }

                try
                {
                    await handler.HandleAsync(invoiceEvent, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    var delay = RecordFailure(name, _clock.GetCurrentInstant());
                    LogHandlerFailed(_logger, exception, name, InvoiceEventKinds.Name(invoiceEvent.Kind), invoiceEvent.Id, invoiceEvent.Position, delay);
                    return new Outcome(OutcomeKind.Failed, delivered);
                }

                if (!await _store.AdvanceCursorAsync(name, worker, invoiceEvent.Position, cancellationToken).ConfigureAwait(false))
                {
                    // The lease ran out and another instance took the handler: it goes on from the cursor it finds.
                    LogLeaseLost(_logger, name, invoiceEvent.Position);
                    return new Outcome(OutcomeKind.Delivered, delivered);
                }

                position = invoiceEvent.Position;
                delivered++;
            }

            ClearFailures(name);
            return new Outcome(OutcomeKind.Delivered, delivered);
        }
        finally
        {
            await _store.ReleaseCursorAsync(name, worker, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private Instant LeaseEnd(Instant now) => now.Plus(Duration.FromTimeSpan(_options.LeaseDuration));

    private bool WaitingToRetry(string name, Instant now)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(name, out var failure) && failure.RetryAt > now;
        }
    }

    private TimeSpan RecordFailure(string name, Instant now)
    {
        lock (_gate)
        {
            var count = _failures.TryGetValue(name, out var failure) ? failure.Count + 1 : 1;
            var delay = RetryBackoff.Delay(count, _options.RetryInitialDelay, _options.RetryMaxDelay);
            _failures[name] = new Failure(count, now.Plus(Duration.FromTimeSpan(delay)));
            return delay;
        }
    }

    private void ClearFailures(string name)
    {
        lock (_gate)
        {
            _failures.Remove(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoice event handler {Handler} failed on event {Kind} {EventId} at position {Position}; its cursor stays there and the event is delivered again in {Delay}.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string kind, Guid eventId, long position, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice event handler {Handler} lost its cursor lease after position {Position}; another instance goes on from there.")]
    private static partial void LogLeaseLost(ILogger logger, string handler, long position);

    private enum OutcomeKind
    {
        Delivered,
        Failed,
        Skipped,
    }

    private readonly record struct Outcome(OutcomeKind Kind, int Delivered);

    private readonly record struct Failure(int Count, Instant RetryAt);
}
