namespace Invoicing.Dunning;

/// <summary>A file sent with a mail.</summary>
/// <param name="FileName">The file name shown to the recipient.</param>
/// <param name="ContentType">The MIME type (<c>application/pdf</c>).</param>
/// <param name="Content">The bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>A mail ready for a transport: both a plain-text and an HTML part.</summary>
public sealed record OutgoingMail
{
    /// <summary>
    /// The Message-ID, without angle brackets (<c>5f3a...@reminders.example</c>): stable for one (invoice, step), so a
    /// resend after a crash carries the same id and receivers can drop the duplicate.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>The sender address; the transport's default when null.</summary>
    public string? From { get; init; }

    /// <summary>The recipient address.</summary>
    public required string To { get; init; }

    /// <summary>The subject.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text part.</summary>
    public required string TextBody { get; init; }

    /// <summary>The HTML part.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>Attached files (the invoice PDF).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}
