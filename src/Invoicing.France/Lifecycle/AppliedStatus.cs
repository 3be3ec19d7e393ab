using Invoicing.Core;

namespace Invoicing.France;

/// <summary>What became of one received status.</summary>
/// <param name="InvoiceNumber">The invoice it is about.</param>
/// <param name="Status">The status.</param>
/// <param name="Effect">What it did.</param>
/// <param name="AlreadyApplied">Whether this status message had been applied before (nothing was done twice).</param>
/// <param name="Problem">For a rejection, the platform's reason; when not applied, why.</param>
public sealed record AppliedStatus(string InvoiceNumber, LifecycleStatus Status, StatusEffect Effect, bool AlreadyApplied, ValidationIssue? Problem = null);

/// <summary>What became of the statuses of one message.</summary>
/// <param name="Statuses">One entry per status, in the message's order.</param>
public sealed record StatusApplication(IReadOnlyList<AppliedStatus> Statuses)
{
    /// <summary>The statuses by which a platform rejected an invoice.</summary>
    public IReadOnlyList<AppliedStatus> Rejections => Statuses.Where(s => s.Effect == StatusEffect.Rejected).ToArray();

    /// <summary>Throws when a platform rejected an invoice: the seller corrects it with a credit note and a new invoice.</summary>
    /// <exception cref="InvoiceValidationException">FR-STATUS-REJECTED, one issue per rejection, with the platform's reason.</exception>
    public void ThrowIfRejected()
    {
        if (Rejections is { Count: > 0 } rejections)
        {
            throw new InvoiceValidationException(rejections.Select(r => r.Problem!));
        }
    }
}
