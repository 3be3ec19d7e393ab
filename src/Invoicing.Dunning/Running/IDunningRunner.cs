namespace Invoicing.Dunning;

/// <summary>
/// Claims, renders, sends and journals the reminders due now, exactly once per (invoice, step) across workers
/// sharing one journal. See <c>docs/dunning.md</c> for the crash semantics.
/// </summary>
public interface IDunningRunner
{
    /// <summary>One pass: first the entries left unfinished (expired claims, retries due), then the newly due reminders.</summary>
    /// <remarks>
    /// An exception out of the mail sender aborts the run like a crash: the entry stays claimed and is resumed by the
    /// next run after its lease, with the same Message-ID. Cancellation stops the run between reminders; a mail already
    /// accepted is journaled before stopping.
    /// </remarks>
    Task<DunningRunResult> RunOnceAsync(CancellationToken cancellationToken = default);
}
