using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Portal;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing portal link --customer KEY --db FILE --base-url URL --keys DIR [--lifetime 7d]</c>: prints a magic link
/// to the customer portal, for support staff to send to a customer. The keys directory is the portal's
/// (<see cref="PortalOptions.KeysDirectory"/>), so the portal redeems the link.
/// </summary>
internal static partial class PortalCommand
{
    public static Command Create(CliContext context) => new("portal", "The customer portal.") { Link(context) };

    private static Command Link(CliContext context)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's key (the buyer identifier on their invoices).", Required = true };
        var database = new Option<string>("--db") { Description = "The SQLite database of the invoice store, to check the customer exists.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "The portal's public address, as mapped (https://billing.example.com/portal/).", Required = true };
        var keys = new Option<string>("--keys") { Description = "The portal's Data Protection keys directory (PortalOptions.KeysDirectory).", Required = true };
        var lifetime = new Option<string>("--lifetime") { Description = "How long the link is valid: a number of days, hours or minutes (7d, 12h, 30m); 7d by default.", DefaultValueFactory = _ => "7d" };
        var command = new Command("link", "Print a magic link that opens the portal for one customer.") { customer, database, baseUrl, keys, lifetime };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = parse.GetValue(customer)!;
            var path = parse.GetValue(database)!;
            var life = ParseLifetime(parse.GetValue(lifetime)!);
            var options = new PortalOptions { PublicBaseUrl = ParseBaseUrl(parse.GetValue(baseUrl)!), KeysDirectory = parse.GetValue(keys) };
            if (!File.Exists(path))
            {
                throw new InvoiceFormatException($"--db: no database file '{path}'.", "--db");
            }

            if (!await CustomerExistsAsync(path, key, cancellationToken).ConfigureAwait(false))
            {
                throw new InvoiceValidationException(ValidationIssue.Error(
                    "PORTAL-CUSTOMER-UNKNOWN", "--customer", $"No invoice and no dunning settings for the customer '{key}' in this database: check the key."));
            }

            IPortalLinks links;
            try
            {
                links = PortalLinks.Create(options, context.Clock);
            }
            catch (ArgumentException exception)
            {
                throw new InvoiceFormatException("--keys: " + exception.Message.Replace(" (Parameter 'options')", string.Empty, StringComparison.Ordinal), "--keys");
            }

            await context.Out.WriteLineAsync(links.CreateLink(key, life).AbsoluteUri).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<bool> CustomerExistsAsync(string path, string customerKey, CancellationToken cancellationToken)
    {
        var store = SqliteInvoiceStores.Open($"Data Source={path}");
        await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
        await foreach (var account in store.QueryAsync(new InvoiceQuery { CustomerKey = customerKey }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(account.Invoice.Document.CustomerKey, customerKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(store);
        return await settings.GetCustomerAsync(customerKey, cancellationToken).ConfigureAwait(false) is not null;
    }

    private static Duration ParseLifetime(string text)
    {
        var match = LifetimePattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new InvoiceFormatException($"--lifetime: '{text}' is not a lifetime: write a number of days, hours or minutes, such as 7d, 12h or 30m.", "--lifetime");
        }

        return match.Groups["unit"].Value switch
        {
            "d" => Duration.FromDays(count),
            "h" => Duration.FromHours(count),
            _ => Duration.FromMinutes(count),
        };
    }

    private static Uri ParseBaseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0 && url.Fragment.Length == 0
            ? url
            : throw new InvoiceFormatException($"--base-url: '{text}' is not the portal's address: give an absolute http or https URL without query, such as https://billing.example.com/portal/.", "--base-url");

    [GeneratedRegex("^(?<count>[0-9]{1,6})(?<unit>[dhm])$", RegexOptions.CultureInvariant)]
    private static partial Regex LifetimePattern();
}
