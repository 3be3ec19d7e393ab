namespace Invoicing.Core;

/// <summary>The result of walking the archive's hash chain.</summary>
/// <param name="DocumentsChecked">How many issued documents were checked.</param>
/// <param name="FirstBrokenNumber">The number of the first document whose hash does not match; null when intact.</param>
/// <param name="Reason">Why that link is broken.</param>
public sealed record ArchiveVerification(long DocumentsChecked, string? FirstBrokenNumber = null, string? Reason = null)
{
    /// <summary>Whether every link of the chain matched.</summary>
    public bool IsIntact => FirstBrokenNumber is null;
}
