namespace Invoicing.France;

/// <summary>The phase a status belongs to (CDAR MDT-77, the acknowledgement's type code).</summary>
public enum LifecyclePhase
{
    /// <summary>Code 23: statuses of the invoice's processing, sent by the buyer, the seller or their agents.</summary>
    Processing,

    /// <summary>Code 305: statuses of the invoice's transmission, sent by a platform (deposited, rejected...).</summary>
    Transmission,
}
