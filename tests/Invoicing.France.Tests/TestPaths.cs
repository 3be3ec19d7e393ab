using System.Reflection;

namespace Invoicing.France.Tests;

/// <summary>Paths to the shared external corpus (the AFNOR OpenAPI documents).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Corpus(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));
}
