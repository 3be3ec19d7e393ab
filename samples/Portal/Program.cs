using Invoicing.Samples.Portal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// dotnet run --project samples/Portal [-- --Sample:Database=portal.db --Sample:Payments=stripe --Sample:StripeSecretKey=sk_test_... --Sample:StripeWebhookSecret=whsec_...]
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var settings = configuration.GetSection("Sample").Get<PortalSampleSettings>() ?? new PortalSampleSettings();
await using var host = await PortalSampleHost.StartAsync(settings);

Console.WriteLine($"Invoicing portal sample: store {host.Database}, invoice mails in {host.MailFolder}");
Console.WriteLine(host.Stripe is null ? "Payments: Stripe (test mode as your key says)" : $"Payments: the Stripe stand-in at {host.Stripe.ApiBase}");
Console.WriteLine();
Console.WriteLine("Open this magic link for Boulangerie Dupont & Fils (valid 7 days):");
Console.WriteLine(host.MagicLink());
Console.WriteLine();
Console.WriteLine("Ctrl+C stops the host.");
await host.App.WaitForShutdownAsync();
