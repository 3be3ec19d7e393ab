using System.Reflection;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Paths to the shared external corpus (schemas, examples).</summary>
internal static class CiiTestPaths
{
    public static string RepositoryRoot { get; } = typeof(CiiTestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Corpus(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));
}
