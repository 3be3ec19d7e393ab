using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IReceivedDocumentStore"/> must show. A store's test class derives from this one and
/// says how to create a fresh, empty store and a second one over the same data.
/// </summary>
public abstract class ReceivedDocumentConformanceTests : IAsyncLifetime
{
    private static readonly Instant Received = Instant.FromUtc(2026, 11, 5, 8, 0);

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IReceivedDocumentStore> CreateAsync();

    /// <summary>A second store over the same data (another process, another host instance).</summary>
    protected abstract Task<IReceivedDocumentStore> OpenAgainAsync();

    protected IReceivedDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ReceivedDocument Document(string flowId, Instant? at = null, bool readable = true) => new()
    {
        FlowId = flowId,
        ReceivedAt = at ?? Received,
        Syntax = "CII",
        FileName = readable ? "facture-" + flowId + ".xml" : null,
        Content = new byte[] { 0x3C, 0x78, 0x2F, 0x3E, 0x00, 0xFF },
        Invoice = readable ? StoreFixtures.Draft() with { Number = "SUP-" + flowId } : null,
        Issues = readable
            ? [ValidationIssue.Warning("BR-FR-12", "seller.electronicAddress", "Adresse électronique absente.")]
            : [ValidationIssue.Error("XML-WELLFORMED", "/", "The XML is not well formed.")],
    };

    [Fact]
    public async Task AddAsync_NewFlow_ReadBackWithItsBytesInvoiceAndIssues()
    {
        var document = Document("flow-1");

        Assert.True(await Store.AddAsync(document));

        var read = await (await OpenAgainAsync()).GetAsync("flow-1");
        Assert.NotNull(read);
        Assert.Equal(document.Content.ToArray(), read.Content.ToArray());
        Assert.Equal(document.Invoice, read.Invoice);
        Assert.Equal(document.Issues, read.Issues);
        Assert.Equal((document.FlowId, document.ReceivedAt, document.Syntax, document.FileName, (string?)null, (Instant?)null), (read.FlowId, read.ReceivedAt, read.Syntax, read.FileName, read.BuyerStatus, read.BuyerStatusAt));
        Assert.True(read.IsValid);
        Assert.Equal("SUP-flow-1", read.SupplierInvoiceNumber);
    }

    [Fact]
    public async Task AddAsync_UnreadableDocument_KeptWithItsErrorAndInvalid()
    {
        Assert.True(await Store.AddAsync(Document("flow-bad", readable: false)));

        var read = await Store.GetAsync("flow-bad");

        Assert.False(read!.IsValid);
        Assert.Null(read.Invoice);
        Assert.Equal("XML-WELLFORMED", Assert.Single(read.Issues).RuleId);
    }

    [Fact]
    public async Task AddAsync_SameFlowTwice_KeptOnceAsFirstStored()
    {
        var other = await OpenAgainAsync();
        Assert.True(await Store.AddAsync(Document("flow-1")));

        Assert.False(await other.AddAsync(Document("flow-1", readable: false)));

        Assert.True((await Store.GetAsync("flow-1"))!.IsValid);
        Assert.Single(await Store.ListAsync());
    }

    [Fact]
    public async Task AddAsync_SameFlowAtOnce_OneWins()
    {
        var stores = new[] { Store, await OpenAgainAsync(), await OpenAgainAsync() };

        var added = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => stores[i % stores.Length].AddAsync(Document("flow-race")))));

        Assert.Single(added, a => a);
        Assert.Single(await Store.ListAsync());
    }

    [Fact]
    public async Task AddAsync_BadDocument_RefusedNamingTheFieldAndNothingStored()
    {
        var blank = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.AddAsync(Document(" ")));
        var longId = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.AddAsync(Document(new string('f', 201))));
        var empty = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.AddAsync(Document("flow-1") with { Content = ReadOnlyMemory<byte>.Empty }));
        var syntax = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.AddAsync(Document("flow-1") with { Syntax = "" }));
        var status = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.AddAsync(Document("flow-1") with { BuyerStatus = " " }));

        Assert.Equal(("RCV-FLOW-ID", "flowId"), (blank.Issues[0].RuleId, blank.Issues[0].Path));
        Assert.Equal("RCV-FLOW-ID", longId.Issues[0].RuleId);
        Assert.Equal(("RCV-CONTENT", "content"), (empty.Issues[0].RuleId, empty.Issues[0].Path));
        Assert.Equal("RCV-SYNTAX", syntax.Issues[0].RuleId);
        Assert.Equal("RCV-STATUS", status.Issues[0].RuleId);
        Assert.Empty(await Store.ListAsync());
    }

    [Fact]
    public async Task ListAsync_InArrivalOrder_AwaitingStatusOnlyLeavesOutTheAnswered()
    {
        await Store.AddAsync(Document("b", Received.Plus(Duration.FromMinutes(1))));
        await Store.AddAsync(Document("c", Received));
        await Store.AddAsync(Document("a", Received.Plus(Duration.FromMinutes(1))));
        var sentAt = Received.Plus(Duration.FromHours(1));

        Assert.True(await Store.RecordBuyerStatusAsync("c", "205", sentAt));
        Assert.False(await Store.RecordBuyerStatusAsync("missing", "205", sentAt));

        Assert.Equal(["c", "a", "b"], (await Store.ListAsync()).Select(d => d.FlowId));
        Assert.Equal(["a", "b"], (await Store.ListAsync(awaitingStatusOnly: true)).Select(d => d.FlowId));
        Assert.Equal(["c"], (await Store.ListAsync(maxCount: 1)).Select(d => d.FlowId));
        var answered = await (await OpenAgainAsync()).GetAsync("c");
        Assert.Equal(("205", (Instant?)sentAt), (answered!.BuyerStatus, answered.BuyerStatusAt));
    }

    [Fact]
    public async Task RecordBuyerStatusAsync_BlankStatus_RefusedAndNothingChanged()
    {
        await Store.AddAsync(Document("flow-1"));

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Store.RecordBuyerStatusAsync("flow-1", "", Received));

        Assert.Equal(("RCV-STATUS", "status"), (error.Issues[0].RuleId, error.Issues[0].Path));
        Assert.Null((await Store.GetAsync("flow-1"))!.BuyerStatus);
    }

    [Fact]
    public async Task ListAsync_MaxCountNotPositive_Refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(maxCount: 0));
}
