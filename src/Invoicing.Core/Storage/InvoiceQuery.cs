using NodaTime;

namespace Invoicing.Core;

/// <summary>Which issued documents a store query returns. Results come ordered by due date, then number.</summary>
public sealed record InvoiceQuery
{
    /// <summary>Every open invoice (balance above zero, credit notes excluded).</summary>
    public static InvoiceQuery Open { get; } = new() { OpenOnly = true };

    /// <summary>Everything issued, invoices and credit notes, paid or not.</summary>
    public static InvoiceQuery All { get; } = new();

    /// <summary>Only invoices with a balance above zero.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only documents due on or before this day.</summary>
    public LocalDate? DueOnOrBefore { get; init; }

    /// <summary>Only documents of this customer (<see cref="Invoice.CustomerKey"/>).</summary>
    public string? CustomerKey { get; init; }

    /// <summary>Only documents issued on or after this day.</summary>
    public LocalDate? IssuedOnOrAfter { get; init; }

    /// <summary>Only documents issued on or before this day.</summary>
    public LocalDate? IssuedOnOrBefore { get; init; }
}
