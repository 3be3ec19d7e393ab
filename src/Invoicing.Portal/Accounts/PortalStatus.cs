namespace Invoicing.Portal.Accounts;

/// <summary>Where a document stands, in the customer's terms.</summary>
internal enum PortalStatus
{
    /// <summary>Issued, nothing received, not yet due.</summary>
    Open,

    /// <summary>Part paid or credited, a balance remains, not yet due.</summary>
    PartlyPaid,

    /// <summary>Settled by payments.</summary>
    Paid,

    /// <summary>A balance remains past the due date.</summary>
    Overdue,

    /// <summary>The customer disputes it while a balance remains: reminders are paused.</summary>
    Disputed,

    /// <summary>Cancelled entirely by credit notes.</summary>
    Credited,

    /// <summary>The balance was written off.</summary>
    WrittenOff,

    /// <summary>The document is itself a credit note.</summary>
    CreditNote,
}
