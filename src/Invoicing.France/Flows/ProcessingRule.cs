using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>How the platform processes a flow (XP Z12-013 <c>ProcessingRule</c>): the kind of exchange it belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcessingRule>))]
public enum ProcessingRule
{
    /// <summary>Between two French companies subject to VAT (e-invoicing).</summary>
    [JsonStringEnumMemberName("B2B")]
    B2B,

    /// <summary>With a company abroad (e-reporting).</summary>
    [JsonStringEnumMemberName("B2BInt")]
    B2BInt,

    /// <summary>With a consumer (e-reporting).</summary>
    [JsonStringEnumMemberName("B2C")]
    B2C,

    /// <summary>With a French public body.</summary>
    [JsonStringEnumMemberName("B2G")]
    B2G,

    /// <summary>With a public body abroad.</summary>
    [JsonStringEnumMemberName("B2GInt")]
    B2GInt,

    /// <summary>Outside the reform's scope.</summary>
    OutOfScope,

    /// <summary>Outside the scope, with a public body.</summary>
    B2GOutOfScope,

    /// <summary>Archived only.</summary>
    ArchiveOnly,

    /// <summary>Not applicable.</summary>
    NotApplicable,

    /// <summary>Not given.</summary>
    Undefined,
}
