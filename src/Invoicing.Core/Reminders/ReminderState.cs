using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>Where a reminder stands in the journal.</summary>
[JsonConverter(typeof(Json.StrictEnumJsonConverter<ReminderState>))]
public enum ReminderState
{
    /// <summary>
    /// Claimed by a worker and possibly being sent (the outbox record written before sending). Once its lease
    /// has expired without confirmation, another worker may take it over and send it again with the same Message-ID.
    /// </summary>
    Claimed,

    /// <summary>Handed to the mail transport and confirmed: never sent again.</summary>
    Sent,

    /// <summary>The last attempt failed for a reason that may pass (connection lost, 4xx); retried after <see cref="ReminderEntry.NextAttemptAt"/>.</summary>
    FailedTransient,

    /// <summary>Failed for good (5xx, no address, invoice settled before a resend): never retried.</summary>
    FailedPermanent,
}
