using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>Whether a flow comes to us or goes from us (XP Z12-013 <c>FlowDirection</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowDirection>))]
public enum FlowDirection
{
    /// <summary>Received.</summary>
    In,

    /// <summary>Sent.</summary>
    Out,
}
