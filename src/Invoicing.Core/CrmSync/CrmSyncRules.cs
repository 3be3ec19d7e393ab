using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Core;

/// <summary>
/// The rules every sync ledger applies, in one place, so the in-memory, SQLite and PostgreSQL stores (and a dry run,
/// which writes nothing) decide the same way. Pure.
/// </summary>
public static class CrmSyncRules
{
    /// <summary>The longest source name accepted.</summary>
    public const int MaxSourceLength = 100;

    /// <summary>The longest record id, version, stream name or cursor accepted.</summary>
    public const int MaxKeyLength = 2000;

    /// <summary>
    /// The draft id of a record: derived from source and record id, so the draft of a record is one row whoever writes
    /// it, and a retry after a crash finds the draft it wrote before.
    /// </summary>
    public static DraftId DraftIdOf(string source, string recordId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("crm\n" + source + "\n" + recordId), hash);
        return new DraftId(new Guid(hash[..16]));
    }

    /// <summary>
    /// What applying <paramref name="change"/> does, given the record's ledger row (null when never synced) and whether
    /// its draft is still in the invoice store (gone: issued).
    /// </summary>
    public static CrmSyncDecision Decide(CrmSyncRecord? existing, bool draftExists, CrmSyncChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var drafted = change.Draft is not null;
        if (existing is null)
        {
            return drafted ? Write(CrmSyncOutcome.Created) : Hold(CrmSyncOutcome.Held, deleteDraft: false);
        }

        var sameVersion = string.Equals(existing.Version, change.Version, StringComparison.Ordinal);
        return existing.State switch
        {
            // Data fixed since the hold (a customer completed, a full resync): the same version is now draftable.
            CrmSyncState.Held when drafted => Write(CrmSyncOutcome.Created),
            CrmSyncState.Held => sameVersion ? Nothing : Hold(CrmSyncOutcome.Held, deleteDraft: false),
            CrmSyncState.Drafted when sameVersion => Nothing,
            CrmSyncState.Drafted when !draftExists => Report,
            CrmSyncState.Drafted => drafted ? Write(CrmSyncOutcome.Updated) : Hold(CrmSyncOutcome.Held, deleteDraft: true),
            _ => sameVersion ? Nothing : Report,
        };
    }

    private static CrmSyncDecision Nothing { get; } = new(CrmSyncOutcome.Unchanged, CrmDraftAction.None, null);

    private static CrmSyncDecision Report { get; } = new(CrmSyncOutcome.Reported, CrmDraftAction.None, CrmSyncState.Reported);

    private static CrmSyncDecision Write(CrmSyncOutcome outcome) => new(outcome, CrmDraftAction.Write, CrmSyncState.Drafted);

    private static CrmSyncDecision Hold(CrmSyncOutcome outcome, bool deleteDraft) =>
        new(outcome, deleteDraft ? CrmDraftAction.Delete : CrmDraftAction.None, CrmSyncState.Held);

    /// <summary>Checks the arguments of <see cref="ICrmSyncStore.SaveCursorAsync"/> and returns the cursor's key.</summary>
    /// <exception cref="InvoiceValidationException">CRM-SYNC-SOURCE, CRM-SYNC-STREAM, CRM-SYNC-CURSOR.</exception>
    public static (string Source, string Stream) CursorKey(string source, string stream, string cursor)
    {
        RequireKey(cursor, "CRM-SYNC-CURSOR", "cursor", MaxKeyLength);
        return (RequireKey(source, "CRM-SYNC-SOURCE", "source", MaxSourceLength), RequireKey(stream, "CRM-SYNC-STREAM", "stream", MaxSourceLength));
    }

    /// <summary>A ledger key: not blank, at most <paramref name="maxLength"/> characters, no control character (a database text cannot hold NUL).</summary>
    /// <exception cref="InvoiceValidationException"><paramref name="ruleId"/> on <paramref name="path"/>.</exception>
    public static string RequireKey(string? value, string ruleId, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' is 1 to {maxLength} characters, not blank, without control characters."));
        }

        return value;
    }
}

/// <summary>What a store does for one change: the outcome, the draft action, and the ledger state to record (null: the row stays as it is).</summary>
public sealed record CrmSyncDecision(CrmSyncOutcome Outcome, CrmDraftAction DraftAction, CrmSyncState? NewState);

/// <summary>What a change does to the record's draft.</summary>
public enum CrmDraftAction
{
    /// <summary>The draft is left as it is.</summary>
    None = 1,

    /// <summary>The change's draft is written (inserted, or replacing the one there).</summary>
    Write,

    /// <summary>The record's draft is deleted.</summary>
    Delete,
}
