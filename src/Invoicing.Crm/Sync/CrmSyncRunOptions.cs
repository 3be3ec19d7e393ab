namespace Invoicing.Crm;

/// <summary>How one sync run goes.</summary>
public sealed record CrmSyncRunOptions
{
    /// <summary>Reads and decides everything but writes nothing (no draft, no ledger row, no cursor): the report says what a real run would do.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Reads every record from the beginning instead of from the stored cursors: the ledger still prevents duplicates,
    /// and deals held for a customer's missing data are drafted once the CRM has it.
    /// </summary>
    public bool FullResync { get; init; }
}
