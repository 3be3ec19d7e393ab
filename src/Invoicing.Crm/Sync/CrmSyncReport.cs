namespace Invoicing.Crm;

/// <summary>What a sync run did: a count per outcome, and an entry per deal that did something.</summary>
public sealed record CrmSyncReport
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>Whether nothing was written (<see cref="CrmSyncRunOptions.DryRun"/>).</summary>
    public bool DryRun { get; init; }

    /// <summary>The deals created, updated, held or reported, in the order read.</summary>
    public required IReadOnlyList<CrmSyncEntry> Entries { get; init; }

    /// <summary>Deals drafted for the first time.</summary>
    public int Created { get; init; }

    /// <summary>Drafts replaced by a new version of their deal.</summary>
    public int Updated { get; init; }

    /// <summary>Deals held for missing or wrong data.</summary>
    public int Held { get; init; }

    /// <summary>Deals changed after their invoice was issued.</summary>
    public int Reported { get; init; }

    /// <summary>Deals read again with a version already applied.</summary>
    public int Unchanged { get; init; }

    /// <summary>Deals not won, which are not invoiced.</summary>
    public int Skipped { get; init; }

    /// <summary>Customers read.</summary>
    public int CustomersRead { get; init; }
}
