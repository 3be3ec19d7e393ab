using System.Globalization;

namespace Invoicing.Benchmarks.PortalLoad;

/// <summary>The machine a load ran on, for the results table: cores, CPU model, memory and how busy it was, from /proc on Linux.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = Read("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = Read("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:0.0} GiB RAM")
            : "unknown RAM";
        var load = File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({cpu}), {memory}, .NET {Environment.Version}, {load}");
    }

    private static string? Read(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
