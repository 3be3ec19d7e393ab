using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The dunning settings suite against the in-memory settings store.</summary>
public sealed class InMemoryDunningSettingsConformanceTests : DunningSettingsConformanceTests
{
    protected override Task<IDunningSettingsStore> CreateSettingsStoreAsync() => Task.FromResult(InMemoryReminders.CreateSettingsStore());
}
