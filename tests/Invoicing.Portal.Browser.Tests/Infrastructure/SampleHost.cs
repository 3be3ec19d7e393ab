using System.Net;
using System.Net.Sockets;
using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Samples.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Invoicing.Portal.Browser.Tests;

/// <summary>
/// The sample host (samples/Portal) on a free loopback port with its own SQLite file and Stripe stand-in: the same
/// composition a developer runs with <c>dotnet run</c>, so the browser tests exercise what the sample shows.
/// </summary>
public sealed class SampleHost : IAsyncDisposable
{
    private readonly string _directory;

    private SampleHost(PortalSampleHost host, string directory, FakeTimeProvider? time)
    {
        Host = host;
        _directory = directory;
        Time = time;
    }

    public PortalSampleHost Host { get; }

    /// <summary>The host's clock, when the test moves it.</summary>
    public FakeTimeProvider? Time { get; }

    public IInvoiceStore Store => Host.Services.GetRequiredService<IInvoiceStore>();

    public IDunningSettingsStore DunningSettings => Host.Services.GetRequiredService<IDunningSettingsStore>();

    public Uri Address { get; private init; } = null!;

    public static async Task<SampleHost> StartAsync(bool controlledClock = false, int extraInvoices = 0)
    {
        var directory = Directory.CreateTempSubdirectory("invoicing-portal-browser-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var time = controlledClock ? new FakeTimeProvider(TimeProvider.System.GetUtcNow()) : null;
        var settings = new PortalSampleSettings { Url = address, Database = Path.Combine(directory, "invoices.db"), ExtraInvoices = extraInvoices };
        var host = await PortalSampleHost.StartAsync(settings, builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(time);
            }
        });
        return new SampleHost(host, directory, time) { Address = address };
    }

    public Uri Url(string relative) => new(Address, relative.TrimStart('/'));

    /// <summary>The demo customer's documents, as the store has them.</summary>
    public async Task<IReadOnlyList<InvoiceAccount>> DemoCustomerAccountsAsync()
    {
        var accounts = new List<InvoiceAccount>();
        await foreach (var account in Store.QueryAsync(InvoiceQuery.All))
        {
            if (account.Invoice.Document.CustomerKey == Host.DemoCustomerKey)
            {
                accounts.Add(account);
            }
        }

        return accounts;
    }

    /// <summary>What the default dunning policy decides for an invoice now, with its settings and journal.</summary>
    public async Task<PlanDecision> DunningDecisionAsync(string number, Instant now)
    {
        var account = (await Store.GetAccountAsync(number))!;
        var customer = await DunningSettings.GetCustomerAsync(account.Invoice.Document.CustomerKey);
        var flags = await DunningSettings.GetInvoiceAsync(number);
        return new DunningPlanner(new DunningPlannerOptions()).Decide(new DunningCase(account, [], customer, flags), now);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temporary folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
