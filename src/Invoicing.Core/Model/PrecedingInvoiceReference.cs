using NodaTime;

namespace Invoicing.Core;

/// <summary>A reference to an earlier invoice (BG-3), required on a credit note.</summary>
/// <param name="Number">Number of the invoice referenced (BT-25).</param>
/// <param name="IssueDate">Its issue date (BT-26).</param>
public sealed record PrecedingInvoiceReference(string Number, LocalDate? IssueDate = null);
