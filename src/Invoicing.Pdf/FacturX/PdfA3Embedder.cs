using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Invoicing.Pdf.FacturX;

/// <summary>
/// Turns a composed document into a Factur-X PDF/A-3b: the XML as an associated file (catalog /AF and the
/// EmbeddedFiles name tree), and the sRGB output intent. The XMP metadata is written by <see cref="Documents.PdfFinisher"/>.
/// </summary>
internal static class PdfA3Embedder
{
    private const string OutputCondition = "sRGB IEC61966-2.1";
    private static readonly Lazy<byte[]> SrgbProfile = new(LoadProfile);

    public static void Embed(PdfDocument document, byte[] xml, string fileName, string relationship, DateTime date)
    {
        var catalog = document.Internals.Catalog;

        var embedded = new PdfDictionary(document);
        embedded.Elements.SetName("/Type", "/EmbeddedFile");
        embedded.Elements["/Subtype"] = new PdfName("/text/xml");
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", xml.Length);
        parameters.Elements["/ModDate"] = new PdfDate(date);
        embedded.Elements["/Params"] = parameters;
        embedded.CreateStream(xml);
        document.Internals.AddObject(embedded);

        var fileSpec = new PdfDictionary(document);
        fileSpec.Elements.SetName("/Type", "/Filespec");
        fileSpec.Elements.SetString("/F", fileName);
        fileSpec.Elements["/UF"] = new PdfString(fileName, PdfStringEncoding.Unicode);
        fileSpec.Elements.SetString("/Desc", "Factur-X invoice");
        fileSpec.Elements.SetName("/AFRelationship", "/" + relationship);
        var ef = new PdfDictionary(document);
        ef.Elements.SetReference("/F", embedded);
        ef.Elements.SetReference("/UF", embedded);
        fileSpec.Elements["/EF"] = ef;
        document.Internals.AddObject(fileSpec);

        var files = new PdfDictionary(document);
        files.Elements["/Names"] = new PdfArray(document, new PdfString(fileName), fileSpec.Reference!);
        var names = new PdfDictionary(document);
        names.Elements["/EmbeddedFiles"] = files;
        catalog.Elements["/Names"] = names;
        catalog.Elements["/AF"] = new PdfArray(document, fileSpec.Reference!);

        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(SrgbProfile.Value);
        document.Internals.AddObject(profile);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", OutputCondition);
        intent.Elements.SetString("/Info", OutputCondition);
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        catalog.Elements["/OutputIntents"] = new PdfArray(document, intent);
    }

    private static byte[] LoadProfile()
    {
        using var stream = typeof(PdfA3Embedder).Assembly.GetManifestResourceStream("Invoicing.Pdf.ColorProfiles.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB ICC profile resource is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
