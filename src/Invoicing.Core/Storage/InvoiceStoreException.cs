namespace Invoicing.Core;

/// <summary>
/// Thrown when a store cannot do its work for a reason outside the data: the database cannot be opened or read,
/// the connection was lost, the schema is not an invoicing schema. The operation was not carried out and nothing
/// stored was changed (the transaction, if one was open, was rolled back).
/// </summary>
public sealed class InvoiceStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The store operation that failed, for example <c>IssueAsync</c>.</param>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="innerException">The driver's exception.</param>
    public InvoiceStoreException(string operation, string message, Exception? innerException = null)
        : base($"{operation}: {message}", innerException)
    {
        Operation = operation;
    }

    /// <summary>The store operation that failed.</summary>
    public string Operation { get; }
}
