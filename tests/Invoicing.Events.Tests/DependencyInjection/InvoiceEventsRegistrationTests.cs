using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.Events.Tests.DependencyInjection;

public sealed class InvoiceEventsRegistrationTests
{
    [Fact]
    public async Task HostedService_DeliversAnIssuedInvoiceToTheRegisteredHandler()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddInvoicing().UseInMemoryStore()
            .AddInvoiceEvents(o => o.PollInterval = TimeSpan.FromMilliseconds(20))
            .AddInvoiceEventHandler<SignallingHandler>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var issued = await host.Services.GetRequiredService<IInvoiceStore>().IssueAsync(EventFixtures.Request());

            var handler = (SignallingHandler)host.Services.GetServices<IInvoiceEventHandler>().Single();
            var delivered = await handler.First.Task.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(InvoiceEventKind.Issued, delivered.Kind);
            Assert.Equal(issued.Number, delivered.InvoiceNumber);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void AddInvoiceEvents_BadOptions_RefusedAtStart()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddInvoiceEvents(o => o.BatchSize = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InvoiceEventOptions>>().Value);

        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInvoiceEvents_NoStore_ClearError()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().AddInvoiceEvents();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IInvoiceEventDispatcher>());

        Assert.Contains("IInvoiceEventStore", error.Message, StringComparison.Ordinal);
    }

    private sealed class SignallingHandler : IInvoiceEventHandler
    {
        public TaskCompletionSource<InvoiceEvent> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "signal";

        public Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
        {
            First.TrySetResult(invoiceEvent);
            return Task.CompletedTask;
        }
    }
}
