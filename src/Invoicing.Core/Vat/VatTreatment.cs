namespace Invoicing.Core;

/// <summary>The VAT category, rate and mention <see cref="VatResolver"/> picked for a situation.</summary>
/// <param name="Category">The VAT category (BT-151).</param>
/// <param name="Rate">The rate in percent (BT-152): the seller country's rate for S, 0 for the exempt categories, null for O.</param>
/// <param name="Mention">The exemption code and legal mention to print; null for S.</param>
public sealed record VatTreatment(VatCategory Category, decimal? Rate, VatMention? Mention)
{
    /// <summary>The exemption to add to <see cref="Invoice.VatExemptions"/>, null when the category needs none.</summary>
    public VatExemption? ToExemption() => Mention?.ToExemption();
}
