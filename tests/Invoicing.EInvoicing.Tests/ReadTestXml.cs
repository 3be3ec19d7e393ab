using System.Text;
using System.Xml.Linq;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Helpers for the read tests: load written bytes, change the tree, serialize it back.</summary>
internal static class ReadTestXml
{
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Cbc = UblNames.Cbc;
    public static readonly XNamespace Cac = UblNames.Cac;

    public static XDocument Load(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    public static byte[] Bytes(XDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Applies <paramref name="change"/> to the tree of <paramref name="bytes"/> and returns the new bytes.</summary>
    public static byte[] Edit(byte[] bytes, Action<XElement> change)
    {
        var document = Load(bytes);
        change(document.Root!);
        return Bytes(document);
    }

    public static byte[] Corpus(string relative) => File.ReadAllBytes(CiiTestPaths.Corpus(relative));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
