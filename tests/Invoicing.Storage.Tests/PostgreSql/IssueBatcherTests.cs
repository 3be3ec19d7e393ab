using System.Collections.Concurrent;
using Invoicing.Storage.PostgreSql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>The group commit in front of <c>issue_documents</c>, with a batch runner the test controls.</summary>
public sealed class IssueBatcherTests
{
    private readonly ConcurrentQueue<int[]> _batches = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _gateRemoved;

    [Fact]
    public async Task RunAsync_CallsArrivingWhileABatchRuns_GoTogetherInTheNextBatchInOrder()
    {
        var batcher = new IssueBatcher<int, string>(GatedRun);
        var first = batcher.RunAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => _batches.Count == 1);

        var waiting = Enumerable.Range(1, 5).Select(i => batcher.RunAsync(i, CancellationToken.None)).ToArray();
        RemoveGate();

        Assert.Equal("0", await first);
        Assert.Equal(["1", "2", "3", "4", "5"], await Task.WhenAll(waiting));
        Assert.Equal([[0], [1, 2, 3, 4, 5]], _batches.ToArray());
    }

    [Fact]
    public async Task RunAsync_MoreThanMaxBatchWaiting_SplitIntoBatchesOfAtMostMaxBatch()
    {
        var batcher = new IssueBatcher<int, string>(GatedRun);
        var first = batcher.RunAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => _batches.Count == 1);

        var waiting = Enumerable.Range(1, IssueBatcher<int, string>.MaxBatch + 3).Select(i => batcher.RunAsync(i, CancellationToken.None)).ToArray();
        RemoveGate();
        await Task.WhenAll(waiting);
        await first;

        Assert.Equal([1, IssueBatcher<int, string>.MaxBatch, 3], _batches.Select(b => b.Length));
    }

    [Fact]
    public async Task RunAsync_ItemRefused_OnlyItsCallerGetsTheError()
    {
        var batcher = new IssueBatcher<int, string>(items => Task.FromResult<IReadOnlyList<IssueBatcher<int, string>.Outcome>>(
            [.. items.Select(i => i == 2 ? IssueBatcher<int, string>.Outcome.Failed(new InvalidOperationException("two")) : IssueBatcher<int, string>.Outcome.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]));

        Assert.Equal("1", await batcher.RunAsync(1, CancellationToken.None));
        Assert.Equal("two", (await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.RunAsync(2, CancellationToken.None))).Message);
        Assert.Equal("3", await batcher.RunAsync(3, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_BatchThrows_EveryCallerOfTheBatchGetsTheErrorAndTheNextBatchRuns()
    {
        var batcher = new IssueBatcher<int, string>(async items =>
        {
            var outcomes = await GatedRun(items);
            return items.Contains(1) ? throw new TimeoutException("lost") : outcomes;
        });
        var first = batcher.RunAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => _batches.Count == 1);
        var second = batcher.RunAsync(1, CancellationToken.None);
        var third = batcher.RunAsync(2, CancellationToken.None);

        RemoveGate();

        Assert.Equal("0", await first);
        await Assert.ThrowsAsync<TimeoutException>(() => second);
        await Assert.ThrowsAsync<TimeoutException>(() => third);
        Assert.Equal("3", await batcher.RunAsync(3, CancellationToken.None));
        Assert.Equal([[0], [1, 2], [3]], _batches.ToArray());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_DroppedAndNeverRun()
    {
        var batcher = new IssueBatcher<int, string>(GatedRun);
        var first = batcher.RunAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => _batches.Count == 1);
        using var cancellation = new CancellationTokenSource();
        var cancelled = batcher.RunAsync(1, cancellation.Token);
        var kept = batcher.RunAsync(2, CancellationToken.None);

        await cancellation.CancelAsync();
        RemoveGate();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("2", await kept);
        await first;
        Assert.DoesNotContain(_batches, batch => batch.Contains(1));
    }

    [Fact]
    public async Task RunAsync_CancelledOnceTakenIntoABatch_CallerStillGetsTheOutcome()
    {
        var batcher = new IssueBatcher<int, string>(GatedRun);
        using var cancellation = new CancellationTokenSource();
        var running = batcher.RunAsync(7, cancellation.Token);
        await WaitUntilAsync(() => _batches.Count == 1);

        await cancellation.CancelAsync();
        RemoveGate();

        Assert.Equal("7", await running);
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_ThrowsAndRunsNothing()
    {
        var batcher = new IssueBatcher<int, string>(GatedRun);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.RunAsync(1, new CancellationToken(canceled: true)));
        Assert.Empty(_batches);
    }

    /// <summary>Records the batch, then waits until the test removes the gate.</summary>
    private async Task<IReadOnlyList<IssueBatcher<int, string>.Outcome>> GatedRun(IReadOnlyList<int> items)
    {
        _batches.Enqueue([.. items]);
        if (!_gateRemoved)
        {
            await _gate.Task;
        }

        return [.. items.Select(i => IssueBatcher<int, string>.Outcome.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Lets the first batch, held at the gate, finish; later batches run straight through.</summary>
    private void RemoveGate()
    {
        _gateRemoved = true;
        _gate.SetResult();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the condition did not hold within 30 s");
            await Task.Delay(5);
        }
    }
}
