using System.Diagnostics;

namespace Invoicing.Cli.Tests.Commands;

/// <summary>The crash tests' child: <c>invoicing</c> as a real process, killed with SIGKILL after a while.</summary>
internal static class KilledChild
{
    /// <summary>
    /// Starts the tool with <paramref name="arguments"/>, kills it after <paramref name="after"/>; true when it was still
    /// running. A child that ended by itself must have ended with an exit code <paramref name="succeeded"/> accepts.
    /// </summary>
    public static async Task<bool> RunAndKillAsync(IEnumerable<string> arguments, TimeSpan after, Func<int, bool> succeeded)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Invoicing.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await Task.WhenAny(child.WaitForExitAsync(), Task.Delay(after));
        var exited = child.HasExited;
        if (!exited)
        {
            // Process.Kill sends SIGKILL on Unix: no finally block, no dispose, no commit runs in the child.
            child.Kill(entireProcessTree: true);
        }

        await child.WaitForExitAsync();
        await stdout;
        var errors = await stderr;
        Assert.True(!exited || succeeded(child.ExitCode), "the run failed: " + errors);
        return !exited;
    }
}
