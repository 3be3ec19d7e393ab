namespace Invoicing.France;

/// <summary>
/// The platform rejected an invoice's flow. The issued invoice stays as it is: the correction is a credit note that
/// cancels it and a new invoice, each sent as its own flow.
/// </summary>
public sealed class FlowRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlowRejectedException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public FlowRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public FlowRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a rejected invoice.</summary>
    /// <param name="invoiceNumber">The invoice's number.</param>
    /// <param name="platform">The platform's name.</param>
    /// <param name="reason">The platform's reason.</param>
    public FlowRejectedException(string invoiceNumber, string platform, string? reason)
        : base($"The platform '{platform}' rejected the invoice {invoiceNumber}: {reason ?? "no reason given"}. Correct it with a credit note and a new invoice.")
    {
        InvoiceNumber = invoiceNumber;
        Platform = platform;
        Reason = reason;
    }

    /// <summary>The rejected invoice's number.</summary>
    public string? InvoiceNumber { get; }

    /// <summary>The platform's name.</summary>
    public string? Platform { get; }

    /// <summary>The platform's reason.</summary>
    public string? Reason { get; }
}
