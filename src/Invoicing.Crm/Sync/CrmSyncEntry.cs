using Invoicing.Core;

namespace Invoicing.Crm;

/// <summary>One deal of a sync run that did something (or would, in a dry run): created, updated, held or reported.</summary>
public sealed record CrmSyncEntry
{
    /// <summary>The deal's CRM id.</summary>
    public required string DealId { get; init; }

    /// <summary>The deal's version applied.</summary>
    public required string Version { get; init; }

    /// <summary>What was done.</summary>
    public required CrmSyncOutcome Outcome { get; init; }

    /// <summary>The deal's name, when the CRM gives one.</summary>
    public string? DealName { get; init; }

    /// <summary>The buyer's name, when the customer is known.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The draft's amount due (BT-115), when there is a draft.</summary>
    public decimal? AmountDue { get; init; }

    /// <summary>The draft's currency, when there is a draft.</summary>
    public string? Currency { get; init; }

    /// <summary>The draft id, when a draft was written.</summary>
    public DraftId? DraftId { get; init; }

    /// <summary>Why a deal is held: each missing or wrong field with its rule; empty otherwise.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init => field = value ?? []; } = [];
}
