namespace Invoicing.Core;

/// <summary>
/// Thrown when input is not an invoice at all: not JSON or XML, the wrong document, a value of the wrong
/// type. Unlike <see cref="InvoiceValidationException"/>, no invoice could be read to check rules on.
/// </summary>
public sealed class InvoiceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one line.</param>
    /// <param name="path">Where in the input (a JSON path, an XPath, a line), when known.</param>
    /// <param name="innerException">The parser's exception.</param>
    public InvoiceFormatException(string message, string? path = null, Exception? innerException = null)
        : base(path is null ? message : $"{message} (at {path})", innerException)
    {
        Path = path;
    }

    /// <summary>Where in the input the problem is, when known.</summary>
    public string? Path { get; }
}
