namespace Invoicing.Core;

/// <summary>Identifies a draft in a store. Drafts have no number: numbers are given at issue.</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct DraftId(Guid Value)
{
    /// <summary>A new random id.</summary>
    public static DraftId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
