using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Invoicing.Events;

/// <summary>
/// Dispatches events (pass after pass while they deliver, then every <see cref="InvoiceEventOptions.PollInterval"/>) and records overdue events every
/// <see cref="InvoiceEventOptions.OverdueScanInterval"/> while the host runs. A failed pass is logged and the next
/// one goes on: nothing is lost, since cursors only move after a handler returned.
/// </summary>
internal sealed partial class InvoiceEventsBackgroundService(
    IInvoiceEventDispatcher dispatcher,
    IOptions<InvoiceEventOptions> options,
    TimeProvider? timeProvider = null,
    ILogger<InvoiceEventsBackgroundService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunInBackground)
        {
            return;
        }

        var time = timeProvider ?? TimeProvider.System;
        long? lastScan = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (settings.OverdueScanInterval > TimeSpan.Zero && (lastScan is null || time.GetElapsedTime(lastScan.Value) >= settings.OverdueScanInterval))
                {
                    lastScan = time.GetTimestamp();
                    var overdue = await dispatcher.RecordOverdueAsync(stoppingToken).ConfigureAwait(false);
                    LogOverdue(_logger, overdue);
                }

                var result = await dispatcher.DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result.Delivered > 0 || result.Failed > 0)
                {
                    LogPass(_logger, result.Delivered, result.Failed, result.Skipped);
                }

                if (result.Delivered > 0)
                {
                    // More may be waiting behind the batch just delivered: go on without the poll delay.
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a failed pass (a database restart): the cursors say where to go on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPassFailed(_logger, exception);
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice events: {Delivered} delivered, {Failed} handlers failing, {Skipped} skipped.")]
    private static partial void LogPass(ILogger logger, int delivered, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue scan: {Count} invoices became overdue.")]
    private static partial void LogOverdue(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoice event pass failed; the next pass goes on from the handlers' cursors.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
