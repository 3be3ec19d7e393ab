using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>Whether a directory line routes invoices now (XP Z12-013 <c>directoryLineStatus</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DirectoryLineStatus>))]
public enum DirectoryLineStatus
{
    /// <summary>In force: invoices go to this address.</summary>
    Enabled,

    /// <summary>No longer in force.</summary>
    Disabled,

    /// <summary>In force from a later date.</summary>
    Upcoming,
}
