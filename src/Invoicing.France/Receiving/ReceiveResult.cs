namespace Invoicing.France;

/// <summary>What a pass of <see cref="SupplierInvoiceReceiver.ReceiveAsync"/> did.</summary>
/// <param name="Stored">The flow ids of the documents stored by this pass.</param>
/// <param name="AlreadyStored">How many incoming flows were stored before (fetched again, kept once).</param>
/// <param name="Refused">The flow ids of the invalid documents refused back to their supplier by this pass.</param>
public sealed record ReceiveResult(IReadOnlyList<string> Stored, int AlreadyStored, IReadOnlyList<string> Refused);
