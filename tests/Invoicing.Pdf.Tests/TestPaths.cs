using System.Reflection;

namespace Invoicing.Pdf.Tests;

/// <summary>Paths to the repository's samples and the shared external corpus.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "invoices", name);

    public static string Corpus(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));
}
