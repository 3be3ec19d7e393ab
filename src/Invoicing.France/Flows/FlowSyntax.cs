using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>The syntax of a flow's file (XP Z12-013 <c>FlowSyntax</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowSyntax>))]
public enum FlowSyntax
{
    /// <summary>UN/CEFACT Cross Industry Invoice XML.</summary>
    [JsonStringEnumMemberName("CII")]
    Cii,

    /// <summary>UBL 2.1 XML.</summary>
    [JsonStringEnumMemberName("UBL")]
    Ubl,

    /// <summary>A Factur-X PDF/A-3 with its embedded CII XML.</summary>
    [JsonStringEnumMemberName("Factur-X")]
    FacturX,

    /// <summary>A lifecycle status message (CDAR).</summary>
    [JsonStringEnumMemberName("CDAR")]
    Cdar,

    /// <summary>An e-reporting file.</summary>
    [JsonStringEnumMemberName("FRR")]
    Frr,
}
