namespace Invoicing.Core;

/// <summary>Creates outgoing flow stores outside dependency injection (tests, demos, single-process hosts).</summary>
public static class OutgoingFlowStores
{
    /// <summary>A new, empty, thread-safe in-memory store.</summary>
    public static IOutgoingFlowStore CreateInMemory() => new InMemoryOutgoingFlowStore();
}
