using NodaTime;

namespace Invoicing.Pdf.Documents;

/// <summary>What the document's information dictionary and XMP say; derived from the document, never from the clock.</summary>
/// <param name="Title">Title, for example <c>FACTURE F2026-00042</c>.</param>
/// <param name="Author">The seller.</param>
/// <param name="Subject">A one-line description.</param>
/// <param name="Date">Creation and modification date: the document's issue date, at midnight UTC.</param>
/// <param name="Identity">Bytes that identify the content (hashed into the file identifier).</param>
internal sealed record DocumentMetadata(string Title, string Author, string Subject, LocalDate Date, byte[] Identity)
{
    public const string Creator = "Invoicing SDK";

    public DateTime DateTimeUtc => Date.AtMidnight().InUtc().ToDateTimeUtc();
}
