using System.Xml.Linq;

namespace Invoicing.France;

/// <summary>The namespaces of a CDAR D22B message.</summary>
internal static class CdarNames
{
    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /// <summary>The root element's name.</summary>
    public static readonly XName Root = Rsm + "CrossDomainAcknowledgementAndResponse";

    /// <summary>The acknowledgement's type code of each phase (MDT-77).</summary>
    public static string TypeCode(LifecyclePhase phase) => phase == LifecyclePhase.Transmission ? "305" : "23";
}
