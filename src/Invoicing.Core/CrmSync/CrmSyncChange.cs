using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// One CRM record's version to apply: its draft when it can be invoiced, else the reason it is held. The store reads no
/// clock; the sync passes its clock's reading.
/// </summary>
public sealed record CrmSyncChange
{
    /// <summary>Creates a change.</summary>
    /// <exception cref="InvoiceValidationException">
    /// CRM-SYNC-SOURCE, CRM-SYNC-RECORD, CRM-SYNC-VERSION (blank, too long, control characters), CRM-SYNC-DRAFT (neither
    /// or both of a draft and a held reason, a numbered draft), or the draft rules of <see cref="InvoiceLifecycle.CheckDraft"/>.
    /// </exception>
    public CrmSyncChange(string source, string recordId, string version, Invoice? draft, string? heldReason, Instant now)
    {
        Source = CrmSyncRules.RequireKey(source, "CRM-SYNC-SOURCE", "source", CrmSyncRules.MaxSourceLength);
        RecordId = CrmSyncRules.RequireKey(recordId, "CRM-SYNC-RECORD", "recordId", CrmSyncRules.MaxKeyLength);
        Version = CrmSyncRules.RequireKey(version, "CRM-SYNC-VERSION", "version", CrmSyncRules.MaxKeyLength);
        if ((draft is null) == string.IsNullOrWhiteSpace(heldReason))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("CRM-SYNC-DRAFT", "draft", "A synced record has either a draft or the reason it is held, not both, not neither."));
        }

        if (draft is not null)
        {
            InvoiceLifecycle.CheckDraft(draft);
        }

        Draft = draft;
        HeldReason = draft is null ? heldReason!.Trim() : null;
        Now = now;
        DraftId = CrmSyncRules.DraftIdOf(Source, RecordId);
    }

    /// <summary>The source's name.</summary>
    public string Source { get; }

    /// <summary>The CRM's id of the record.</summary>
    public string RecordId { get; }

    /// <summary>The record's version.</summary>
    public string Version { get; }

    /// <summary>The draft, or null when the record is held.</summary>
    public Invoice? Draft { get; }

    /// <summary>Why the record is held, or null when it has a draft.</summary>
    public string? HeldReason { get; }

    /// <summary>The sync's clock reading.</summary>
    public Instant Now { get; }

    /// <summary>The draft id, derived from source and record id.</summary>
    public DraftId DraftId { get; }
}
