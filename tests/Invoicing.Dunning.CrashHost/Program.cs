using System.Globalization;
using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Mail.Smtp;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Usage: Invoicing.Dunning.CrashHost sqlite DATABASE_FILE | postgres CONNECTION_STRING SCHEMA, then TARGET UNIX_SECONDS WORKER_ID
// Runs the dunning runner once over the store's open invoices, as if it were UNIX_SECONDS, writing .eml files into
// the folder TARGET, or sending them to the SMTP server on loopback when TARGET is smtp:PORT; prints "ready" before the run and "done SENT RESUMED CONFIRMED" after it, unless the parent kills it first.
// Exit code 2 on bad arguments.
var postgres = args.Length == 6 && args[0] == "postgres";
if (!postgres && !(args.Length == 5 && args[0] == "sqlite"))
{
    Console.Error.WriteLine("usage: Invoicing.Dunning.CrashHost sqlite DATABASE_FILE | postgres CONNECTION_STRING SCHEMA, then PICKUP_DIR UNIX_SECONDS WORKER_ID");
    return 2;
}

var rest = args[(postgres ? 3 : 2)..];
var now = Instant.FromUnixTimeSeconds(long.Parse(rest[1], CultureInfo.InvariantCulture));
var services = new ServiceCollection();
services.AddSingleton<IClock>(new FixedClock(now));
var invoicing = services.AddInvoicing();
if (postgres)
{
    invoicing.UsePostgreSql(args[1], args[2]);
}
else
{
    invoicing.UseSqlite($"Data Source={args[1]}");
}

invoicing
    .AddDunning(o =>
    {
        o.WorkerId = rest[2];
        o.Calendar = SendingCalendar.EveryDay;
        o.MessageIdDomain = "reminders.example.com";
        o.RunInBackground = false;
        o.LeaseDuration = Duration.FromMinutes(10);
    });
if (rest[0].StartsWith("smtp:", StringComparison.Ordinal))
{
    invoicing.UseSmtpMail(o =>
    {
        o.Host = "127.0.0.1";
        o.Port = int.Parse(rest[0]["smtp:".Length..], CultureInfo.InvariantCulture);
        o.Security = SmtpSecurity.None;
        o.From = "relances@atelier.example";
        o.MaxRetries = 0;
        o.Timeout = TimeSpan.FromSeconds(10);
    });
}
else
{
    invoicing.UsePickupFolderMail(rest[0], "relances@atelier.example");
}

await using var provider = services.BuildServiceProvider();
var runner = provider.GetRequiredService<IDunningRunner>();
Console.Out.WriteLine("ready");
Console.Out.Flush();
var result = await runner.RunOnceAsync();
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {result.Sent} {result.Resumed} {result.ConfirmedWithoutResend}"));
Console.Out.Flush();
return 0;

/// <summary>The moment the parent chose for this run.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
