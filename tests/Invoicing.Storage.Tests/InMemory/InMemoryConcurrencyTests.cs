using System.Collections.Concurrent;
using Invoicing.Core;

namespace Invoicing.Storage.Tests.InMemory;

public sealed class InMemoryConcurrencyTests
{
    [Fact]
    public async Task IssueAsync_16ThreadsIssuing10000_Numbers1To10000ExactlyOnce()
    {
        var store = InvoiceStores.CreateInMemory();
        var numbers = new ConcurrentBag<string>();
        var next = -1;
        var document = StoreFixtures.Draft();

        var threads = Enumerable.Range(0, 16).Select(_ => new Thread(() =>
        {
            while (Interlocked.Increment(ref next) < 10_000)
            {
                numbers.Add(store.IssueAsync(StoreFixtures.Request(document)).GetAwaiter().GetResult().Number);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => $"F2026-{i:00000}"), numbers.Order(StringComparer.Ordinal));
        var verification = await store.VerifyArchiveAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }

    [Fact]
    public void Next_16ThreadsDrawing10000_EachSequenceOnce()
    {
        var allocator = new InMemoryNumberAllocator();
        var drawn = new ConcurrentBag<long>();

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => drawn.Add(allocator.Next("invoices/2026")));

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), drawn.Order());
        Assert.Equal(10_000, allocator.Current("invoices/2026"));
        Assert.Equal(0, allocator.Current("credit-notes/2026"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Next_NoCounterKey_ArgumentException(string? key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new InMemoryNumberAllocator().Next(key!));
    }
}
