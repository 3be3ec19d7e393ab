namespace Invoicing.Crm.Http;

/// <summary>The typed errors the connectors raise, worded for the person running the sync, in one place.</summary>
internal static class CrmErrors
{
    /// <summary>The CRM refused the credentials for good.</summary>
    public static CrmException Unauthorized(string source, string why)
        => new(CrmErrorReason.Unauthorized, source, null, null, $"{source}: the CRM refused the credentials: {why}.");

    /// <summary>The CRM could not be reached, or kept failing after the retries.</summary>
    public static CrmException Unreachable(string source, string what, Exception? inner)
        => new(CrmErrorReason.Unavailable, source, null, null, $"{source}: the CRM could not be reached for {what}; try again later.", inner);

    /// <summary>The CRM answered an error that retrying does not cure (a 400 to a query, a 403 for a missing scope, a 404).</summary>
    public static CrmException Refused(string source, string what, int status, string? code)
        => new(status == 403 ? CrmErrorReason.Unauthorized : CrmErrorReason.MalformedResponse, source, null, null,
            $"{source}: the CRM refused the request for {what} ({status}{(code is null ? string.Empty : " " + code)})"
            + (status == 403 ? "; the app lacks a scope or the user a permission." : "."));

    /// <summary>A body or a field was not what the CRM documents.</summary>
    public static CrmException Malformed(CrmRecordRef record, string? field, string problem)
        => new(CrmErrorReason.MalformedResponse, record.Source, record.Id, field,
            field is null ? $"{record.Source}: {record} {problem}." : $"{record.Source}: the field '{field}' of {record} {problem}.");

    /// <summary>A short, printable excerpt of a value the CRM sent, so a hostile one cannot flood or forge the output.</summary>
    public static string Excerpt(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var printable = new string(text.Take(60).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Length > 60 ? printable + "..." : printable;
    }
}
