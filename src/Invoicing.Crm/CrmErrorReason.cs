namespace Invoicing.Crm;

/// <summary>Why a CRM operation failed, so a host can tell a configuration problem from bad data or an outage.</summary>
public enum CrmErrorReason
{
    /// <summary>The CRM refused the credentials, also after refreshing the access token once.</summary>
    Unauthorized = 1,

    /// <summary>The CRM answered something that is not the documented JSON (or a file is not readable CSV).</summary>
    MalformedResponse,

    /// <summary>A record lacks a field the mapping needs (a deal without customer, a line without price).</summary>
    MissingField,

    /// <summary>A field has a value the mapping cannot use (an unknown currency, a VAT category that is no code).</summary>
    InvalidValue,

    /// <summary>The CRM could not be reached or kept failing after the retries.</summary>
    Unavailable,

    /// <summary>The connector is configured wrongly (no base address, no credentials).</summary>
    Configuration,

    /// <summary>A stored cursor cannot be read.</summary>
    InvalidCursor,
}
