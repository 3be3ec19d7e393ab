using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>Where an invoice stands in its life.</summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<InvoiceStatus>))]
public enum InvoiceStatus
{
    /// <summary>Not issued yet: no number, content may change.</summary>
    Draft,

    /// <summary>Issued, nothing received yet.</summary>
    Issued,

    /// <summary>Part of the amount due has been paid or credited.</summary>
    PartiallyPaid,

    /// <summary>Settled by payments (credits may have contributed).</summary>
    Paid,

    /// <summary>Entirely cancelled by credit notes.</summary>
    Credited,

    /// <summary>Issued or partially paid, and the due date has passed.</summary>
    Overdue,

    /// <summary>The remaining balance was written off as uncollectable.</summary>
    WrittenOff,
}
