using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invoicing.Events.Tests.Dispatching;

/// <summary>Several host instances (each its own store, pool and dispatcher) on one PostgreSQL schema.</summary>
public sealed class PostgreSqlDispatchTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private readonly List<ServiceProvider> _instances = [];

    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("INVOICING_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("INVOICING_TEST_POSTGRES is not set: start the test PostgreSQL cluster with `source eng/test-services.sh && start_test_services` (./build.sh test does it).");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task FourInstances_DispatchingAtOnce_DeliverEachEventOnceToTheHandler()
    {
        var handler = new RecordingHandler("crm");
        var dispatchers = Enumerable.Range(1, 4).Select(i => Instance($"instance-{i}", handler)).ToList();
        var store = _instances[0].GetRequiredService<IInvoiceStore>();
        for (var i = 0; i < 60; i++)
        {
            await store.IssueAsync(EventFixtures.Request());
        }

        // Every instance passes until none delivers any more; they race for the one cursor all along.
        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            for (var idle = 0; idle < 20;)
            {
                idle = (await dispatcher.DispatchOnceAsync()).Delivered > 0 ? 0 : idle + 1;
            }
        })));

        var events = await _instances[0].GetRequiredService<IInvoiceEventStore>().ReadEventsAsync(0, 1000);
        Assert.Equal(60, events.Count);
        Assert.Equal(events.Select(e => e.Id), handler.Received.Select(e => e.Id));
        Assert.Equal(events[^1].Position, await _instances[0].GetRequiredService<IInvoiceEventStore>().GetCursorAsync("crm"));
    }

    private IInvoiceEventDispatcher Instance(string worker, IInvoiceEventHandler handler)
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UsePostgreSql(ConnectionString, _schema)
            .AddInvoiceEvents(o =>
            {
                o.WorkerId = worker;
                o.BatchSize = 5;
                o.RunInBackground = false;
            });
        services.AddSingleton(handler);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider.GetRequiredService<IInvoiceEventDispatcher>();
    }
}
