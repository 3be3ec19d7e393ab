namespace Invoicing.Core;

/// <summary>Where a CRM record stands in the sync ledger.</summary>
public enum CrmSyncState
{
    /// <summary>A draft was written for the version recorded; once the draft is issued it is gone from the store.</summary>
    Drafted = 1,

    /// <summary>The version recorded lacks data an invoice needs (see <see cref="CrmSyncRecord.HeldReason"/>); no draft exists.</summary>
    Held,

    /// <summary>The record changed after its draft was issued: the version recorded was reported, not invoiced.</summary>
    Reported,
}
