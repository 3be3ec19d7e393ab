namespace Invoicing.Crm.Http;

/// <summary>
/// What is being read, for errors: the source, the kind of record or answer ("deal", "companies page"), and the
/// record's CRM id once known.
/// </summary>
internal readonly record struct CrmRecordRef(string Source, string Kind, string? Id = null)
{
    /// <summary>The same source and kind for the record with this id.</summary>
    public CrmRecordRef For(string? id) => this with { Id = id };

    /// <summary>"the deal 123" or "the companies page".</summary>
    public override string ToString() => Id is null ? $"the {Kind}" : $"the {Kind} {CrmErrors.Excerpt(Id)}";
}
