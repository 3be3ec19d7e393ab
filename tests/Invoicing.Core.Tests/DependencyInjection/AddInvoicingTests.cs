using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Core.Tests.DependencyInjection;

public sealed class AddInvoicingTests
{
    [Fact]
    public void AddInvoicing_HostTimeProvider_DrivesTheClock()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 12, 15, 8, 30, 0, TimeSpan.Zero)));
        services.AddInvoicing();

        using var provider = services.BuildServiceProvider();

        Assert.Equal(Instant.FromUtc(2026, 12, 15, 8, 30), provider.GetRequiredService<IClock>().GetCurrentInstant());
    }

    [Fact]
    public void AddInvoicing_HostClock_IsKept()
    {
        var services = new ServiceCollection();
        var hostClock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        services.AddSingleton<IClock>(hostClock);
        services.AddInvoicing();

        using var provider = services.BuildServiceProvider();

        Assert.Same(hostClock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddInvoicing_Configure_SetsTheSeries()
    {
        var services = new ServiceCollection();
        services.AddInvoicing(o => o.InvoiceSeries = new NumberSeries("main", "FA-{seq:000000}"));

        using var provider = services.BuildServiceProvider();

        Assert.Equal("FA-{seq:000000}", provider.GetRequiredService<IOptions<InvoicingOptions>>().Value.InvoiceSeries.Pattern);
    }

    [Fact]
    public void AddInvoicing_MissingSeries_FailsValidationNamingTheRule()
    {
        var services = new ServiceCollection();
        services.AddInvoicing(o => o.InvoiceSeries = null!);

        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InvoicingOptions>>().Value);
        Assert.Contains("series", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AddInvoicing_Twice_RegistersOneClock()
    {
        var services = new ServiceCollection();
        services.AddInvoicing();
        services.AddInvoicing();

        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
