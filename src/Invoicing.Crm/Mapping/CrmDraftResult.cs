using Invoicing.Core;

namespace Invoicing.Crm;

/// <summary>
/// What a deal becomes: a draft that validates, or a held deal with the issues naming what is missing or wrong (the
/// customer's SIREN, an address, a line's price), each with its rule and field.
/// </summary>
public sealed record CrmDraftResult
{
    /// <summary>The draft; null when the deal cannot be drafted at all (no customer, a line without price).</summary>
    public Invoice? Draft { get; init; }

    /// <summary>The errors that hold the deal (mapping rules CRM-*, then the validator's EN 16931 and French rules); empty when it is drafted.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init => field = value ?? []; } = [];

    /// <summary>The buyer's language from the CRM, for the host's reminders and documents.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the deal is held: it has errors, so no draft is written.</summary>
    public bool IsHeld => Issues.Count > 0;
}
