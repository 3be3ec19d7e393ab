namespace Invoicing.France;

/// <summary>
/// The platform refused or could not serve a call. The message says what was asked and the platform's reason in
/// words; <see cref="ErrorCode"/> and <see cref="PlatformMessage"/> keep the platform's own terms.
/// </summary>
public sealed class FrenchPlatformException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FrenchPlatformException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public FrenchPlatformException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public FrenchPlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused call.</summary>
    /// <param name="message">What was asked and why it failed, in words.</param>
    /// <param name="statusCode">The HTTP status, or null when there was no answer.</param>
    /// <param name="errorCode">The platform's error code, when it gave one.</param>
    /// <param name="platformMessage">The platform's explanation, when it gave one.</param>
    /// <param name="innerException">The cause, or null.</param>
    public FrenchPlatformException(string message, int? statusCode, string? errorCode, string? platformMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        PlatformMessage = platformMessage;
    }

    /// <summary>The HTTP status of the platform's answer, or null when there was none (a timeout, a network failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The platform's error code (<c>errorCode</c>), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The platform's explanation (<c>errorMessage</c>), when it gave one.</summary>
    public string? PlatformMessage { get; }

    /// <summary>True when the failure may pass by itself (no answer, 408, 429, 5xx): the same call can be tried again later.</summary>
    public bool IsTransient => StatusCode is null or 408 or 429 or >= 500;
}
