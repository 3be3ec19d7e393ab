namespace Invoicing.Pdf;

/// <summary>An e-invoice XML file found inside a PDF.</summary>
/// <param name="FileName">Its name in the PDF (<c>factur-x.xml</c>, <c>zugferd-invoice.xml</c>, <c>xrechnung.xml</c>...).</param>
/// <param name="Relationship">Its AFRelationship (<c>Data</c>, <c>Alternative</c>, <c>Source</c>), when stated.</param>
/// <param name="Xml">The decoded bytes of the file.</param>
public sealed record FacturXAttachment(string FileName, string? Relationship, byte[] Xml);
