namespace Invoicing.France.Tests.Platform;

/// <summary>A request the fake platform received, relative to the service it was sent to.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, byte[] Body);
