using System.Reflection;

namespace Invoicing.Cli.Tests;

/// <summary>Paths to the repository's samples and this project's test data.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "invoices", name);

    public static string Data(string name) => Path.Combine(RepositoryRoot, "tests", "Invoicing.Cli.Tests", "Data", name);
}
