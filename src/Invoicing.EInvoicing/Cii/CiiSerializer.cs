using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <summary>Writes the Core model as CII D16B.</summary>
internal static class CiiSerializer
{
    public static IReadOnlyList<ValidationIssue> Write(Invoice invoice, FacturXProfile profile, Stream output, bool throwOnDataLoss) =>
        throw new NotSupportedException("Writing CII is not available yet.");
}
