using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The outgoing flow suite against the in-memory store.</summary>
public sealed class InMemoryOutgoingFlowConformanceTests : OutgoingFlowConformanceTests
{
    protected override Task<IOutgoingFlowStore> CreateFlowStoreAsync() => Task.FromResult(OutgoingFlowStores.CreateInMemory());
}
