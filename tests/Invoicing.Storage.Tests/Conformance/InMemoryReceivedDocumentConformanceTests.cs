using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The received-document suite against the in-memory store.</summary>
public sealed class InMemoryReceivedDocumentConformanceTests : ReceivedDocumentConformanceTests
{
    private IReceivedDocumentStore? _store;

    protected override Task<IReceivedDocumentStore> CreateAsync() => Task.FromResult(_store = ReceivedDocuments.CreateInMemory());

    /// <summary>In memory, another instance is the same object: there is no other process to share it with.</summary>
    protected override Task<IReceivedDocumentStore> OpenAgainAsync() => Task.FromResult(_store!);
}
