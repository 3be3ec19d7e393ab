namespace Invoicing.Crm;

/// <summary>
/// A CRM operation failed: with the reason, the source, and where known the record and the field, in words a host can
/// show its user. Nothing is drafted from a record or page that raised it.
/// </summary>
public sealed class CrmException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Why it failed.</param>
    /// <param name="source">The source's name.</param>
    /// <param name="recordId">The CRM id of the record concerned, or null.</param>
    /// <param name="field">The field concerned, or null.</param>
    /// <param name="message">What happened, in the user's words.</param>
    /// <param name="innerException">The transport or parser error, if any.</param>
    public CrmException(CrmErrorReason reason, string source, string? recordId, string? field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        SourceName = source ?? string.Empty;
        RecordId = recordId;
        Field = field;
    }

    /// <summary>Why it failed.</summary>
    public CrmErrorReason Reason { get; }

    /// <summary>The source's name (<see cref="ICrmSource.Name"/>).</summary>
    public string SourceName { get; }

    /// <summary>The CRM id of the record concerned, or null when the failure is not about one record.</summary>
    public string? RecordId { get; }

    /// <summary>The field concerned (the CRM's property name or the mapping's path), or null.</summary>
    public string? Field { get; }
}
