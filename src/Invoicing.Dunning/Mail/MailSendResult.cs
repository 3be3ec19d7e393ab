namespace Invoicing.Dunning;

/// <summary>How a send ended.</summary>
public enum MailSendStatus
{
    /// <summary>The transport accepted the mail.</summary>
    Sent,

    /// <summary>It failed for a reason that may pass (connection lost, timeout, 4xx): try again later.</summary>
    TransientFailure,

    /// <summary>It failed for good (5xx, bad address, authentication refused): do not retry.</summary>
    PermanentFailure,
}

/// <summary>The result of one send.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Error">What went wrong, when it failed.</param>
public sealed record MailSendResult(MailSendStatus Status, string? Error = null)
{
    /// <summary>Accepted.</summary>
    public static MailSendResult Sent { get; } = new(MailSendStatus.Sent);

    /// <summary>A failure worth retrying.</summary>
    public static MailSendResult Transient(string error) => new(MailSendStatus.TransientFailure, error);

    /// <summary>A failure not worth retrying.</summary>
    public static MailSendResult Permanent(string error) => new(MailSendStatus.PermanentFailure, error);
}
