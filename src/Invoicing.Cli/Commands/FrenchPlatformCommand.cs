using System.CommandLine;
using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.France;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing fr send|status|receive|directory</c>: an issued invoice sent to the French approved platform (once), where
/// it stands there with the lifecycle statuses recorded for it, what the platform has for us (statuses about our invoices
/// and supplier invoices), and where a buyer receives its invoices. The platform's URLs and credentials come from the options or
/// from <c>INVOICING_FR_*</c> environment variables (the secret is best given that way).
/// </summary>
internal static class FrenchPlatformCommand
{
    private static readonly (string Option, string Variable, string Description)[] Settings =
    [
        ("--flow-url", "INVOICING_FR_FLOW_URL", "The platform's Flow Service URL"),
        ("--directory-url", "INVOICING_FR_DIRECTORY_URL", "The platform's Directory Service URL"),
        ("--token-url", "INVOICING_FR_TOKEN_URL", "The platform's OAuth 2 token URL"),
        ("--client-id", "INVOICING_FR_CLIENT_ID", "The OAuth 2 client id the platform gave"),
        ("--client-secret", "INVOICING_FR_CLIENT_SECRET", "The OAuth 2 client secret the platform gave"),
        ("--platform", "INVOICING_FR_PLATFORM", "The platform's name in the store (default: default)"),
        ("--syntax", "INVOICING_FR_SYNTAX", "What is sent: facturx (default), cii or ubl"),
    ];

    public static Command Create(CliContext context) => new("fr", "French e-invoicing through an approved platform (AFNOR XP Z12-013).")
    {
        Send(context),
        Status(context),
        Receive(context),
        DirectoryLookup(context),
    };

    private static Command Send(CliContext context)
    {
        var number = new Argument<string>("NUMBER") { Description = "The issued invoice's number." };
        var database = Database();
        var command = WithSettings(new Command("send", "Send an issued invoice to the buyer's platform address, once (exit 0 sent or already sent, 1 refused or failed).") { number, database });
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, database, async (services, platform) =>
        {
            var result = await services.GetRequiredService<IFrenchPlatformSender>().SendAsync(parse.GetValue(number)!, cancellationToken).ConfigureAwait(false);
            var what = result.Outcome switch
            {
                PlatformSendOutcome.Sent => "sent",
                PlatformSendOutcome.FoundOnPlatform => "found on the platform (sent by an earlier attempt), recorded",
                PlatformSendOutcome.AlreadySent => "already sent",
                _ => "being sent by another run; try again later",
            };
            await context.Out.WriteLineAsync($"{result.Flow.InvoiceNumber} {what}: {Describe(result.Flow)}").ConfigureAwait(false);
            return result.Outcome == PlatformSendOutcome.InProgressElsewhere ? ExitCodes.Invalid : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliContext context)
    {
        var number = new Argument<string>("NUMBER") { Description = "The invoice's number." };
        var database = Database();
        var command = WithSettings(new Command("status", "Where an invoice stands with the platform; asks the platform for its verdict on a sent one.") { number, database });
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, database, async (services, platform) =>
        {
            var flow = await services.GetRequiredService<IFrenchPlatformSender>().RefreshAsync(parse.GetValue(number)!, cancellationToken).ConfigureAwait(false);
            if (flow is null)
            {
                await context.Out.WriteLineAsync($"{parse.GetValue(number)} was never sent to the platform '{platform}'.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            // The platform's lifecycle statuses of the invoice (received, approved, paid...) are listed after the flow.
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{flow.InvoiceNumber} on '{flow.Platform}': {Describe(flow)}");
            foreach (var status in await PlatformStatusesAsync(services.GetRequiredService<IInvoiceEventStore>(), flow.InvoiceNumber, cancellationToken).ConfigureAwait(false))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  status {status.Data["code"]} {status.Data.GetValueOrDefault("name", string.Empty)} on {InstantPattern.General.Format(status.OccurredAt)}{(status.Data.TryGetValue("reason", out var reason) ? ": " + reason : string.Empty)}");
            }

            await context.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Receive(CliContext context)
    {
        var database = Database();
        var command = WithSettings(new Command("receive", "Fetch the statuses the platform holds about our invoices and apply them, then the new supplier invoices, and say what each did.") { database });
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, database, async (services, _) =>
        {
            var text = new StringBuilder();
            foreach (var flow in await services.GetRequiredService<PlatformStatusReceiver>().ReceiveAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (flow.Application is null)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"status flow {flow.FlowId} not read: {flow.Problem!.RuleId} {flow.Problem.Message}");
                    continue;
                }

                foreach (var status in flow.Application.Statuses)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{status.InvoiceNumber} status {LifecycleStatuses.Code(status.Status)} {LifecycleStatuses.FrenchName(status.Status)}: {Describe(status)}");
                }
            }

            var received = await services.GetRequiredService<SupplierInvoiceReceiver>().ReceiveAsync(cancellationToken).ConfigureAwait(false);
            text.AppendLine(CultureInfo.InvariantCulture, $"supplier invoices: {received.Stored.Count} stored, {received.AlreadyStored} already stored, {received.Refused.Count} refused");
            foreach (var flowId in received.Stored)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  stored flow {flowId}");
            }

            foreach (var flowId in received.Refused)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  refused flow {flowId}: invalid, status 210 sent to its supplier");
            }

            await context.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command DirectoryLookup(CliContext context)
    {
        var siren = new Argument<string>("SIREN") { Description = "The company's SIREN (9 digits)." };
        var siret = new Option<string>("--siret") { Description = "One of its facilities (14 digits), for the facility's own address." };
        var command = WithSettings(new Command("directory", "Where a company receives its invoices: its name and its directory lines.") { siren, siret });
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, null, async (services, _) =>
        {
            var directory = services.GetRequiredService<IDirectoryServiceClient>();
            var unit = await directory.GetLegalUnitAsync(parse.GetValue(siren)!, cancellationToken).ConfigureAwait(false);
            var lines = await directory.SearchLinesAsync(parse.GetValue(siren)!, parse.GetValue(siret), null, cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{parse.GetValue(siren)}: {unit?.BusinessName ?? "not in the directory"}{(unit is { IsActive: false } ? " (closed)" : string.Empty)}");
            foreach (var line in lines)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line.AddressingIdentifier,-30} {line.Status,-9} {(line.Siret is null ? "company" : "SIRET " + line.Siret)}{(line.RoutingIdentifier is null ? string.Empty : " code " + line.RoutingIdentifier)}");
            }

            var route = await directory.FindRouteAsync(parse.GetValue(siren)!, parse.GetValue(siret), null, cancellationToken).ConfigureAwait(false);
            text.AppendLine(CultureInfo.InvariantCulture, $"invoices go to {route.AddressingIdentifier}");
            await context.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<string> Database() => new("--db") { Description = "The SQLite database of the invoice store.", Required = true };

    private static Command WithSettings(Command command)
    {
        foreach (var (option, variable, description) in Settings)
        {
            command.Options.Add(new Option<string>(option) { Description = $"{description} (or {variable})." });
        }

        return command;
    }

    /// <summary>Builds the platform clients and the sender over the store, runs <paramref name="work"/>, and turns the platform's refusals into one error line.</summary>
    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Option<string>? database, Func<IServiceProvider, string, Task<int>> work)
    {
        string? Setting(int index) => parse.GetValue<string>(Settings[index].Option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(Settings[index].Variable);
        var syntax = (Setting(6) ?? "facturx").ToUpperInvariant() switch
        {
            "FACTURX" or "FACTUR-X" => FlowSyntax.FacturX,
            "CII" => FlowSyntax.Cii,
            "UBL" => FlowSyntax.Ubl,
            _ => throw new InvoiceFormatException($"--syntax: '{Setting(6)}' is not facturx, cii or ubl.", "--syntax"),
        };
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(context.Clock);
        IInvoiceStore? store = null;
        if (database is not null)
        {
            store = DunningCommand.OpenStore(parse.GetValue(database)!);
            services.AddSingleton(store);
            services.AddSingleton(SqliteInvoiceStores.OpenOutgoingFlowStore(store));
            services.AddSingleton(SqliteInvoiceStores.OpenEventStore(store));
            services.AddSingleton(SqliteInvoiceStores.OpenDunningSettingsStore(store));
            services.AddSingleton(SqliteInvoiceStores.OpenReceivedDocumentStore(store));
        }

        services.AddFrenchPlatform(o =>
        {
            o.FlowServiceUrl = Url(Setting(0));
            o.DirectoryServiceUrl = Url(Setting(1));
            o.TokenUrl = Url(Setting(2));
            o.ClientId = Setting(3);
            o.ClientSecret = Setting(4);
            o.PlatformName = Setting(5) ?? o.PlatformName;
            o.InvoiceSyntax = syntax;
        });
        try
        {
            var provider = services.BuildServiceProvider();
            await using var closeProvider = provider.ConfigureAwait(false);
            var options = provider.GetRequiredService<IOptionsMonitor<FrenchPlatformOptions>>().CurrentValue;
            return await work(provider, options.PlatformName).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await context.Error.WriteLineAsync($"error: {failure} Give it as an option or in its INVOICING_FR_ variable.").ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FrenchPlatformException or BuyerNotInDirectoryException or FlowRejectedException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The platform status events recorded for one invoice, oldest first (the outbox is read in pages).</summary>
    private static async Task<IReadOnlyList<InvoiceEvent>> PlatformStatusesAsync(IInvoiceEventStore events, string invoiceNumber, CancellationToken cancellationToken)
    {
        var statuses = new List<InvoiceEvent>();
        var after = 0L;
        IReadOnlyList<InvoiceEvent> page;
        do
        {
            page = await events.ReadEventsAsync(after, 500, cancellationToken).ConfigureAwait(false);
            statuses.AddRange(page.Where(e => e.Kind == InvoiceEventKind.PlatformStatus && e.InvoiceNumber == invoiceNumber));
            after = page.Count > 0 ? page[^1].Position : after;
        }
        while (page.Count > 0);

        return statuses;
    }

    private static string Describe(AppliedStatus status) => (status.Effect switch
    {
        StatusEffect.PaymentRecorded => "payment recorded",
        StatusEffect.RemindersPaused => "reminders paused",
        StatusEffect.Rejected => "rejected: " + status.Problem!.Message,
        StatusEffect.NotApplied => "not applied: " + status.Problem!.Message,
        _ => "recorded",
    }) + (status.AlreadyApplied ? " (already applied)" : string.Empty);

    private static Uri? Url(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : null;

    private static string Describe(OutgoingFlow flow) => flow.State switch
    {
        OutgoingFlowState.Sending => $"sending (attempt {flow.Attempts}{(flow.Reason is null ? string.Empty : ", last failure: " + flow.Reason)})",
        OutgoingFlowState.Sent => $"sent, flow {flow.FlowId} (tracking id {flow.TrackingId}) at {InstantPattern.General.Format(flow.SentAt!.Value)}; the platform's checks are pending",
        OutgoingFlowState.Acknowledged => $"acknowledged by the platform, flow {flow.FlowId} (tracking id {flow.TrackingId})",
        _ => $"rejected by the platform: {flow.Reason}. Correct it with a credit note and a new invoice.",
    };
}
