using System.Diagnostics;

namespace Invoicing.Packaging.Tests;

/// <summary>Runs a program to its end and keeps what it printed.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public static ProcessRun Start(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within 2 minutes.");
        }

        return new ProcessRun(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Error}";
}
