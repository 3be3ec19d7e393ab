using Invoicing.EInvoicing;

namespace Invoicing.Pdf.FacturX;

/// <summary>What the Factur-X specification says about each profile inside the PDF.</summary>
internal static class FacturXConformance
{
    /// <summary>The name of the embedded file.</summary>
    public const string FileName = "factur-x.xml";

    /// <summary>The fx: namespace of the XMP extension schema.</summary>
    public const string Namespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    /// <summary>The XMP value of fx:ConformanceLevel.</summary>
    public static string Level(FacturXProfile profile) => profile switch
    {
        FacturXProfile.Minimum => "MINIMUM",
        FacturXProfile.BasicWl => "BASIC WL",
        FacturXProfile.Basic => "BASIC",
        FacturXProfile.En16931 => "EN 16931",
        FacturXProfile.Extended => "EXTENDED",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown Factur-X profile."),
    };

    /// <summary>
    /// The AFRelationship of the embedded XML: <c>Data</c> for MINIMUM and BASIC WL, whose XML does not carry the
    /// whole invoice (the PDF stays the invoice), <c>Alternative</c> for BASIC, EN 16931 and EXTENDED, whose XML is an
    /// equivalent representation of the invoice.
    /// </summary>
    public static string Relationship(FacturXProfile profile) =>
        profile is FacturXProfile.Minimum or FacturXProfile.BasicWl ? "Data" : "Alternative";
}
