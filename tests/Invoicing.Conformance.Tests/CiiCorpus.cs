using System.Reflection;

namespace Invoicing.Conformance.Tests;

/// <summary>The CII files of the shared corpus.</summary>
internal static class CiiCorpus
{
    public static string RepositoryRoot { get; } = typeof(CiiCorpus).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));

    /// <summary>Every CII invoice of the corpus the conformance tests cover, relative to the corpus root.</summary>
    public static IEnumerable<string> Files()
    {
        var root = Path(".");
        IEnumerable<string> Under(string folder, string pattern, SearchOption option) =>
            Directory.EnumerateFiles(Path(folder), pattern, option)
                .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'));
        return Under("en16931/cii-examples", "*.xml", SearchOption.TopDirectoryOnly)
            .Concat(Under("facturx-official/3._EN16931", "*.xml", SearchOption.AllDirectories))
            .Concat(Under("xrechnung-business-cases", "*_uncefact.xml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal);
    }

    public static TheoryData<string> FileData()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }
}
