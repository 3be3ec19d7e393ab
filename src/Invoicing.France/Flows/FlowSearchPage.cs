namespace Invoicing.France;

/// <summary>One page of flows found.</summary>
/// <param name="Flows">The flows of this page.</param>
/// <param name="NextCursor">The cursor of the next page, or null when this is the last.</param>
public sealed record FlowSearchPage(IReadOnlyList<PlatformFlow> Flows, string? NextCursor);
