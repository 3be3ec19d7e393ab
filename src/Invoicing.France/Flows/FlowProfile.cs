using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>The profile of a flow's invoice (XP Z12-013 <c>FlowProfile</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowProfile>))]
public enum FlowProfile
{
    /// <summary>The French base profile.</summary>
    Basic,

    /// <summary>The EN 16931 core invoice usage specification.</summary>
    [JsonStringEnumMemberName("CIUS")]
    Cius,

    /// <summary>The extended French CTC profile.</summary>
    [JsonStringEnumMemberName("Extended-CTC-FR")]
    ExtendedCtcFr,

    /// <summary>Not given.</summary>
    Undefined,
}
