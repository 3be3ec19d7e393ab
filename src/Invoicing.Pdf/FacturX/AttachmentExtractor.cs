using Invoicing.Core;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Invoicing.Pdf.FacturX;

/// <summary>
/// Finds the e-invoice XML inside a Factur-X / ZUGFeRD PDF: the embedded files of the name tree and of the
/// catalog's /AF, preferring the names the specifications use, else the first XML file.
/// </summary>
internal static class AttachmentExtractor
{
    private const int MaxXmlBytes = 20 * 1024 * 1024;
    private const int MaxTreeDepth = 16;
    private static readonly string[] KnownNames = ["factur-x.xml", "zugferd-invoice.xml", "zugferd_invoice.xml", "xrechnung.xml", "order-x.xml"];

    /// <exception cref="InvoiceFormatException">The bytes are not a readable PDF, or it carries no XML file.</exception>
    public static FacturXAttachment Extract(Stream pdf)
    {
        using var copy = new MemoryStream();
        pdf.CopyTo(copy);
        return Extract(copy.ToArray());
    }

    /// <exception cref="InvoiceFormatException">The bytes are not a readable PDF, or it carries no XML file.</exception>
    public static FacturXAttachment Extract(byte[] bytes)
    {
        PdfDocument document;
        try
        {
            if (PdfFileCheck.Problem(bytes) is { } problem)
            {
                throw new InvoiceFormatException(problem, "pdf");
            }

            document = PdfReader.Open(new MemoryStream(bytes, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not InvoiceFormatException)
        {
            throw new InvoiceFormatException(PdfFileCheck.WhyUnreadable(bytes), "pdf", exception);
        }

        using (document)
        {
            try
            {
                return Extract(document);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException and not InvoiceFormatException)
            {
                throw new InvoiceFormatException(
                    "The PDF is damaged: its list of embedded files, or an object it points to, cannot be read.", "/Root/Names/EmbeddedFiles", exception);
            }
        }
    }

    private static FacturXAttachment Extract(PdfDocument document)
    {
        var candidates = new List<(string Name, PdfDictionary Spec)>();
        var catalog = document.Internals.Catalog;
        if (Resolve(catalog.Elements["/Names"]) is PdfDictionary names && Resolve(names.Elements["/EmbeddedFiles"]) is PdfDictionary tree)
        {
            CollectNameTree(tree, candidates, 0);
        }

        if (Resolve(catalog.Elements["/AF"]) is PdfArray af)
        {
            foreach (var item in af.Elements)
            {
                if (Resolve(item) is PdfDictionary spec)
                {
                    candidates.Add((FileNameOf(spec) ?? string.Empty, spec));
                }
            }
        }

        var chosen = candidates.FirstOrDefault(c => KnownNames.Contains(c.Name, StringComparer.OrdinalIgnoreCase));
        if (chosen.Spec is null)
        {
            chosen = candidates.FirstOrDefault(c => c.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        }

        if (chosen.Spec is null)
        {
            throw new InvoiceFormatException(
                candidates.Count == 0
                    ? "The PDF has no embedded files: it is not a Factur-X or ZUGFeRD invoice."
                    : $"The PDF embeds no XML file (found: {string.Join(", ", candidates.Select(c => Shorten(c.Name)).Distinct(StringComparer.Ordinal))}).",
                "/Root/Names/EmbeddedFiles");
        }

        return new FacturXAttachment(chosen.Name, RelationshipOf(chosen.Spec), ContentOf(chosen.Spec, chosen.Name));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "...");

    private static void CollectNameTree(PdfDictionary node, List<(string, PdfDictionary)> found, int depth)
    {
        if (depth > MaxTreeDepth)
        {
            throw new InvoiceFormatException("The embedded file name tree is nested too deeply.", "/Root/Names/EmbeddedFiles");
        }

        if (Resolve(node.Elements["/Names"]) is PdfArray pairs)
        {
            for (var i = 0; i + 1 < pairs.Elements.Count; i += 2)
            {
                if (Resolve(pairs.Elements[i + 1]) is PdfDictionary spec)
                {
                    var key = Resolve(pairs.Elements[i]) is PdfString s ? s.Value : null;
                    found.Add((FileNameOf(spec) ?? key ?? string.Empty, spec));
                }
            }
        }

        if (Resolve(node.Elements["/Kids"]) is PdfArray kids)
        {
            foreach (var kid in kids.Elements)
            {
                if (Resolve(kid) is PdfDictionary child)
                {
                    CollectNameTree(child, found, depth + 1);
                }
            }
        }
    }

    private static byte[] ContentOf(PdfDictionary spec, string name)
    {
        var path = $"/Root/Names/EmbeddedFiles/{name}/EF";
        if (Resolve(spec.Elements["/EF"]) is not PdfDictionary ef
            || (Resolve(ef.Elements["/F"]) ?? Resolve(ef.Elements["/UF"])) is not PdfDictionary file
            || file.Stream is null)
        {
            throw new InvoiceFormatException($"The embedded file {Shorten(name)} has no content.", path);
        }

        byte[] bytes;
        try
        {
            bytes = file.Stream.UnfilteredValue;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvoiceFormatException($"The embedded file {Shorten(name)} cannot be decoded: its compressed data is damaged or uses a filter this reader does not know.", path, exception);
        }

        if (bytes.Length > MaxXmlBytes)
        {
            throw new InvoiceFormatException($"The embedded file {Shorten(name)} is larger than {MaxXmlBytes / (1024 * 1024)} MB.", path);
        }

        return bytes;
    }

    private static string? FileNameOf(PdfDictionary spec) =>
        (Resolve(spec.Elements["/UF"]) as PdfString)?.Value ?? (Resolve(spec.Elements["/F"]) as PdfString)?.Value;

    private static string? RelationshipOf(PdfDictionary spec) =>
        (Resolve(spec.Elements["/AFRelationship"]) as PdfName)?.Value.TrimStart('/');

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
