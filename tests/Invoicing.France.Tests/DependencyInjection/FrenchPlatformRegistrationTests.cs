using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.France.Tests.DependencyInjection;

/// <summary>One <c>AddFrenchPlatform</c> call wires both halves of the connector over the host's SQLite store.</summary>
public sealed class FrenchPlatformRegistrationTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"fr-di-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AddFrenchPlatform_WithAStore_ResolvesTheSendingAndTheLifecycleSides()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite($"Data Source={_database}");
        services.AddFrenchPlatform(o =>
        {
            o.FlowServiceUrl = new Uri("https://api.flow.example.com/flow-service");
            o.DirectoryServiceUrl = new Uri("https://api.directory.example.com/directory-service");
            o.TokenUrl = new Uri("https://auth.example.com/token");
            o.ClientId = "client";
            o.ClientSecret = "secret";
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IFrenchPlatformSender>());
        Assert.NotNull(provider.GetRequiredService<StatusApplier>());
        Assert.NotNull(provider.GetRequiredService<PlatformStatusReceiver>());
        Assert.NotNull(provider.GetRequiredService<SupplierInvoiceReceiver>());
        var handler = Assert.IsType<CashedStatusHandler>(Assert.Single(provider.GetServices<IInvoiceEventHandler>()));
        Assert.Equal("fr-cashed-status", handler.Name);
    }

    [Fact]
    public void AddFrenchPlatform_CalledTwice_RegistersTheCashedHandlerOnce()
    {
        var services = new ServiceCollection();
        services.AddFrenchPlatform(_ => { });
        services.AddFrenchPlatform(_ => { });

        Assert.Single(services, d => d.ServiceType == typeof(IInvoiceEventHandler) && d.ImplementationType == typeof(CashedStatusHandler));
    }
}
