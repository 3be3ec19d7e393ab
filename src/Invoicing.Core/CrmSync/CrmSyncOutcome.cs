namespace Invoicing.Core;

/// <summary>What applying one record's version did.</summary>
public enum CrmSyncOutcome
{
    /// <summary>Nothing: this version was synced before.</summary>
    Unchanged = 1,

    /// <summary>A draft was created.</summary>
    Created,

    /// <summary>The record changed before its invoice was issued: the draft was replaced.</summary>
    Updated,

    /// <summary>The record lacks data an invoice needs: no draft (a draft of an earlier version is deleted).</summary>
    Held,

    /// <summary>The record changed after its invoice was issued: recorded for a person to act on (a credit note, a new deal), not re-invoiced.</summary>
    Reported,
}
