namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// Group commit for concurrent issues of one store: while a batch is at the database, the issues that arrive wait, and
/// the next batch takes them all (up to <see cref="MaxBatch"/>). Every issue locks the one chain head, so issues run one
/// after the other anyway; a batch pays the round trip, the lock and, on a durable server, the disk flush once.
/// </summary>
/// <remarks>
/// An issue whose caller cancels while it waits is dropped; once taken into a batch it runs to its end, and the caller
/// gets its outcome, so a cancelled call never hides an issued invoice.
/// </remarks>
internal sealed class IssueBatcher<TItem, TResult>
{
    /// <summary>The most issues one batch carries: a batch holds the chain head while it runs.</summary>
    public const int MaxBatch = 64;

    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<Outcome>>> _run;
    private readonly Lock _gate = new();
    private readonly Queue<Waiter> _waiting = new();
    private bool _draining;

    /// <param name="run">Runs a batch and returns one outcome per item, in order; an exception fails every item.</param>
    public IssueBatcher(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<Outcome>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _run = run;
    }

    /// <summary>Runs the item in the next batch.</summary>
    public Task<TResult> RunAsync(TItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new Waiter(item);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Drop(waiter, cancellationToken));
        }

        bool startDrain;
        lock (_gate)
        {
            _waiting.Enqueue(waiter);
            startDrain = !_draining;
            _draining = true;
        }

        if (startDrain)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return waiter.Completion.Task;
    }

    private void Drop(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Taken)
            {
                return;
            }

            waiter.Dropped = true;
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Waiter>();
            lock (_gate)
            {
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var waiter))
                {
                    if (!waiter.Dropped)
                    {
                        waiter.Taken = true;
                        batch.Add(waiter);
                    }
                }

                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                var outcomes = await _run([.. batch.Select(waiter => waiter.Item)]).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    outcomes[i].SetOn(batch[i].Completion);
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(waiter => waiter.Completion.TrySetException(exception));
            }
            finally
            {
                batch.ForEach(waiter => waiter.Registration.Dispose());
            }
        }
    }

    /// <summary>What one item of a batch gave: its result, or the error its caller gets.</summary>
    internal readonly record struct Outcome(TResult? Result, Exception? Error)
    {
        public static Outcome Of(TResult result) => new(result, null);

        public static Outcome Failed(Exception error) => new(default, error);

        public void SetOn(TaskCompletionSource<TResult> completion)
        {
            if (Error is null)
            {
                completion.TrySetResult(Result!);
            }
            else
            {
                completion.TrySetException(Error);
            }
        }
    }

    private sealed class Waiter(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        // Guarded by the gate.
        public bool Taken { get; set; }

        public bool Dropped { get; set; }
    }
}
