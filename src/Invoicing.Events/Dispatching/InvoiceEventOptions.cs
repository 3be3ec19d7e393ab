namespace Invoicing.Events;

/// <summary>Options of event delivery, validated when the host starts. Each default is chosen for a small host.</summary>
public sealed class InvoiceEventOptions
{
    /// <summary>
    /// This instance's name in the handlers' cursor leases: unique per running instance. Default: the machine name,
    /// the process id and a random suffix.
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How often the hosted service looks for new events. Default: 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many events one read takes. Default: 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a handler's cursor stays leased to this instance without renewal; renewed during a pass once half of it
    /// is gone. If the instance dies, another takes the handler over after this. Keep it above the longest single
    /// <c>HandleAsync</c> (for a webhook: its attempts times its attempt timeout, plus the retry delays). Default: 1 minute.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry of a handler that threw; doubled at each failure. Default: 5 seconds.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between retries of a failing handler. Default: 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the hosted service records overdue events; <see cref="TimeSpan.Zero"/> turns the scan off. Default: 1 hour.</summary>
    public TimeSpan OverdueScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether the hosted service runs. Default: true; false to call <see cref="IInvoiceEventDispatcher"/> yourself.</summary>
    public bool RunInBackground { get; set; } = true;
}
