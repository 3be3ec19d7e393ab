using System.Reflection;

namespace Invoicing.Packaging.Tests;

/// <summary>Where the packed packages and the prepared package checks are, and the packages the repository ships.</summary>
internal static class Artifacts
{
    private static string Metadata(string key) => typeof(Artifacts).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>The folder ./build.sh pack writes the .nupkg and .snupkg files to.</summary>
    public static string PackedFolder => Path.Combine(Metadata("ArtifactsPath"), "package", "release");

    /// <summary>The folder eng/prepare-package-checks.sh writes the consumer, the tool and the AOT app to.</summary>
    public static string ChecksFolder => Path.Combine(Metadata("ArtifactsPath"), "package-checks");

    /// <summary>Every package: one folder under src/ each, named as the package.</summary>
    public static IEnumerable<string> PackageIds =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string Prepared(string step)
    {
        var path = Path.Combine(ChecksFolder, step);
        Assert.True(Directory.Exists(path),
            $"'{step}' was not prepared from the packed packages: run ./build.sh test, or ./build.sh pack then " +
            $"eng/prepare-package-checks.sh, and read {Path.Combine(ChecksFolder, step + ".log")}.");
        return path;
    }
}
