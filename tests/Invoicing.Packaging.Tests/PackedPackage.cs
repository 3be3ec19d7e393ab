using System.IO.Compression;
using System.Xml.Linq;

namespace Invoicing.Packaging.Tests;

/// <summary>One packed .nupkg (and its .snupkg) opened for reading: its entries and its nuspec.</summary>
internal sealed class PackedPackage : IDisposable
{
    private readonly ZipArchive _archive;

    private PackedPackage(string id, string path)
    {
        Id = id;
        Path = path;
        _archive = ZipFile.OpenRead(path);
        using var nuspec = _archive.GetEntry($"{id}.nuspec")!.Open();
        Metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Id { get; }

    public string Path { get; }

    public XElement Metadata { get; }

    public IReadOnlyList<string> Entries => [.. _archive.Entries.Select(e => e.FullName)];

    public string? Value(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element)?.Value;

    public XElement? Element(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element);

    public byte[] Read(string entry)
    {
        using var stream = _archive.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The package of that id in the packed folder; exactly one version must be there.</summary>
    public static PackedPackage Open(string id)
    {
        Assert.True(Directory.Exists(Artifacts.PackedFolder), $"Nothing is packed in {Artifacts.PackedFolder}: run ./build.sh pack.");
        var candidates = Directory.GetFiles(Artifacts.PackedFolder, $"{id}.*.nupkg")
            .Where(path => char.IsDigit(System.IO.Path.GetFileName(path)[(id.Length + 1)..][0]))
            .ToList();
        var path = Assert.Single(candidates);
        return new PackedPackage(id, path);
    }

    public string SymbolPackagePath => System.IO.Path.ChangeExtension(Path, ".snupkg");

    public void Dispose() => _archive.Dispose();
}
