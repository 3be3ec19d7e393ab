using System.Globalization;
using System.Net;
using Invoicing.Samples.Portal;
using Microsoft.Extensions.Logging;

namespace Invoicing.Benchmarks.PortalLoad;

/// <summary>
/// The portal's invoice list for a customer with 200 invoices, on the sample's Kestrel host over loopback HTTP:
/// 64 concurrent clients sharing one signed-in session, each requesting the list again as soon as it has the last one,
/// for a fixed duration. Not BenchmarkDotNet: what is measured is a server under concurrent load, in requests per second
/// and latency percentiles.
/// <code>dotnet run -c Release --project benchmarks/Invoicing.Benchmarks -- portal-load [clients] [seconds]</code>
/// </summary>
public static class PortalListLoad
{
    /// <summary>The demo customer has 5 invoices and a credit note; these make 200 invoices.</summary>
    private const int ExtraInvoices = 195;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var directory = Directory.CreateTempSubdirectory("invoicing-portal-load-").FullName;
        var settings = new PortalSampleSettings
        {
            Url = new Uri("http://127.0.0.1:" + FreePort() + "/"),
            Database = Path.Combine(directory, "invoices.db"),
            ExtraInvoices = ExtraInvoices,
        };
        await using var host = await PortalSampleHost.StartAsync(settings, builder => builder.Logging.ClearProviders());

        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var list = new Uri(settings.Url, "portal/invoices");
        using (var signIn = await http.GetAsync(host.MagicLink()))
        {
            var page = await signIn.Content.ReadAsStringAsync();
            var rows = page.Split("<th scope=\"row\">").Length - 1;
            if (!signIn.IsSuccessStatusCode || signIn.RequestMessage?.RequestUri?.AbsolutePath != list.AbsolutePath || rows < 200)
            {
                Console.Error.WriteLine($"The magic link did not open the list of 200 invoices ({(int)signIn.StatusCode}, {rows} rows).");
                return 1;
            }

            Console.WriteLine($"List page: {rows} rows, {page.Length:N0} characters");
        }

        var result = await LoadDriver.RunAsync(
            async token =>
            {
                using var response = await http.GetAsync(list, HttpCompletionOption.ResponseContentRead, token);
                return response.StatusCode == HttpStatusCode.OK;
            },
            clients,
            warmUp: TimeSpan.FromSeconds(5),
            duration: TimeSpan.FromSeconds(seconds));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Machine.Describe()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} clients, {result.Elapsed.TotalSeconds:0.0} s: {result.Requests:N0} requests, {result.Errors} errors, {result.RequestsPerSecond:N0} requests/s, p50 {result.P50.TotalMilliseconds:0.0} ms, p99 {result.P99.TotalMilliseconds:0.0} ms, max {result.Max.TotalMilliseconds:0.0} ms"));
        Directory.Delete(directory, recursive: true);
        return result.Errors == 0 ? 0 : 1;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
