using NodaTime;

namespace Invoicing.Cli.Tests;

/// <summary>What one in-process run of the command line gave.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <see cref="CliApp"/> in-process with captured output and a fixed clock.</summary>
internal static class CliRunner
{
    public static Instant Now { get; } = Instant.FromUtc(2026, 11, 28, 9, 0);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var exitCode = await CliApp.RunAsync(args, new CliContext(output, error, new FixedClock(Now)));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
