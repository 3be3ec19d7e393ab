using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>An open invoice past its due date.</summary>
/// <param name="Number">The invoice number (BT-1).</param>
/// <param name="CustomerKey">The customer.</param>
/// <param name="CustomerName">The buyer's name (BT-44).</param>
/// <param name="Currency">The invoice currency (BT-5).</param>
/// <param name="DueDate">The due date (BT-9), or the issue date when none was given.</param>
/// <param name="DaysOverdue">Days from the due date to the as-of day, at least 1.</param>
/// <param name="Balance">What remains to be paid on the as-of day.</param>
public sealed record OverdueInvoice(string Number, string CustomerKey, string CustomerName, Currency Currency, LocalDate DueDate, int DaysOverdue, decimal Balance);
