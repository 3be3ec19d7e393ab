using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Invoicing.Dunning;

/// <summary>Runs the dunning runner every <see cref="DunningOptions.RunInterval"/> while the host runs.</summary>
internal sealed partial class DunningBackgroundService(
    IDunningRunner runner,
    IOptions<DunningOptions> options,
    TimeProvider? timeProvider = null,
    ILogger<DunningBackgroundService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                LogRun(_logger, result.Sent, result.Resumed, result.TransientFailures, result.PermanentFailures);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The schedule must survive a failed run: the next run resumes unfinished entries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRunFailed(_logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.RunInterval, timeProvider ?? TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning run: {Sent} sent, {Resumed} resumed, {Transient} to retry, {Permanent} failed.")]
    private static partial void LogRun(ILogger logger, int sent, int resumed, int transient, int permanent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dunning run failed; unfinished reminders resume at the next run.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
