using System.Xml.Linq;

namespace Invoicing.EInvoicing.Cii;

/// <summary>The CII D16B namespaces and their customary prefixes.</summary>
internal static class CiiNames
{
    public const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    public const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    public static readonly XNamespace RsmNs = Rsm;
    public static readonly XNamespace RamNs = Ram;
    public static readonly XNamespace QdtNs = Qdt;
    public static readonly XNamespace UdtNs = Udt;
}
