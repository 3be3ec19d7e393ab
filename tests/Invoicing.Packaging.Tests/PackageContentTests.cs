using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Invoicing.Packaging.Tests;

/// <summary>What a host gets from each packed package: page metadata, readme, icon, licence, assemblies, docs, dependencies, symbols.</summary>
public sealed partial class PackageContentTests
{
    private const string Tool = "Invoicing.Cli";

    public static TheoryData<string> Packages() => [.. Artifacts.PackageIds];

    public static TheoryData<string> Libraries() => [.. Artifacts.PackageIds.Where(id => id != Tool)];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasThePagesMetadata(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal(id, package.Value("id"));
        Assert.Equal(VersionPrefix(), package.Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Value("description")), "description");
        Assert.Contains("invoice", package.Value("tags") ?? "", StringComparison.Ordinal);
        Assert.Equal("MIT", package.Value("license"));
        Assert.Equal("expression", package.Element("license")!.Attribute("type")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", package.Element("repository")?.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_ShowsItsReadmeOnThePackagePage(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal("README.md", package.Value("readme"));
        var readme = Encoding.UTF8.GetString(package.Read("README.md"));
        var source = File.ReadAllText(Path.Combine(Artifacts.RepositoryRoot, "src", id, "README.md"));
        Assert.Equal(source, readme);
        Assert.True(readme.Split('\n').Count(line => line.Length > 0 && !line.StartsWith('#')) >= 3,
            $"src/{id}/README.md is the package page: say what the package does and show it in use.");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasA128PixelPngIcon(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal("icon.png", package.Value("icon"));
        var png = package.Read("icon.png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal(128, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(128, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_ShipsItsAssemblyAndXmlDocsForNet10Only(string id)
    {
        using var package = PackedPackage.Open(id);

        var lib = package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"], lib);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_DependsOnWhatItsProjectReferences(string id)
    {
        using var package = PackedPackage.Open(id);
        var project = XDocument.Load(Path.Combine(Artifacts.RepositoryRoot, "src", id, $"{id}.csproj"));
        var expected = project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .Concat(project.Descendants("PackageReference")
                .Where(r => r.Attribute("PrivateAssets") is null)
                .Select(r => r.Attribute("Include")!.Value))
            .Order(StringComparer.Ordinal);

        var groups = package.Element("dependencies")?.Elements().ToList() ?? [];
        Assert.All(groups, g => Assert.Equal("net10.0", g.Attribute("targetFramework")?.Value));
        var dependencies = groups.SelectMany(g => g.Elements()).ToList();
        Assert.Equal(expected, dependencies.Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal));
        Assert.All(
            dependencies.Where(d => d.Attribute("id")!.Value.StartsWith("Invoicing.", StringComparison.Ordinal)),
            d => Assert.Equal(VersionPrefix(), d.Attribute("version")!.Value));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_HasItsSymbolsInASnupkg(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.True(File.Exists(package.SymbolPackagePath), $"{package.SymbolPackagePath} is missing.");
        using var symbols = ZipFile.OpenRead(package.SymbolPackagePath);
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols.Entries.Select(e => e.FullName));
        Assert.DoesNotContain(package.Entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_IsADotnetToolNamedInvoicing()
    {
        using var package = PackedPackage.Open(Tool);

        var packageType = package.Element("packageTypes")?.Elements().Single().Attribute("name")?.Value;
        Assert.Equal("DotnetTool", packageType);
        var settings = XDocument.Parse(Encoding.UTF8.GetString(package.Read("tools/net10.0/any/DotnetToolSettings.xml")).TrimStart('\uFEFF'));
        var command = settings.Descendants("Command").Single();
        Assert.Equal("invoicing", command.Attribute("Name")!.Value);
        Assert.Contains($"tools/net10.0/any/{command.Attribute("EntryPoint")!.Value}", package.Entries);
        Assert.Null(package.Element("dependencies"));
    }

    [Fact]
    public void Packages_AreEveryPackageUnderSrcAndNothingElse()
    {
        var packed = Directory.GetFiles(Artifacts.PackedFolder, "*.nupkg")
            .Select(path => VersionSuffix().Replace(Path.GetFileName(path), ""))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Artifacts.PackageIds, packed);
    }

    /// <summary>The one place versions come from.</summary>
    private static string VersionPrefix() =>
        XDocument.Load(Path.Combine(Artifacts.RepositoryRoot, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;

    [GeneratedRegex(@"\.\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\.nupkg$")]
    private static partial Regex VersionSuffix();
}
