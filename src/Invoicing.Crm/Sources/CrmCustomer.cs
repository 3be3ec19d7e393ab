using NodaTime;

namespace Invoicing.Crm;

/// <summary>
/// A customer as a CRM holds it (a HubSpot company, a Salesforce or Zoho account): raw text, checked only when it
/// becomes the buyer of a draft (<see cref="CrmMapping.ToParty"/>), so a record with a gap is held, not lost.
/// </summary>
public sealed record CrmCustomer
{
    /// <summary>The CRM's id of the record.</summary>
    public required string Id { get; init; }

    /// <summary>When the CRM last changed the record.</summary>
    public Instant ModifiedAt { get; init; }

    /// <summary>The legal name (BT-44).</summary>
    public string? Name { get; init; }

    /// <summary>The postal address (BG-8).</summary>
    public CrmAddress? Address { get; init; }

    /// <summary>The French SIREN (9 digits), becomes the legal id (BT-47, scheme 0002).</summary>
    public string? Siren { get; init; }

    /// <summary>The French SIRET (14 digits), becomes a buyer identifier (BT-46, scheme 0009), and the legal id when there is no SIREN.</summary>
    public string? Siret { get; init; }

    /// <summary>The VAT identifier with its country prefix (BT-48).</summary>
    public string? VatId { get; init; }

    /// <summary>The billing e-mail address (BT-58).</summary>
    public string? Email { get; init; }

    /// <summary>The contact person's name (BT-56).</summary>
    public string? ContactName { get; init; }

    /// <summary>The contact phone (BT-57).</summary>
    public string? Phone { get; init; }

    /// <summary>The customer's language (an IETF tag such as <c>fr</c> or <c>de-DE</c>), for reminders and documents.</summary>
    public string? Language { get; init; }
}

/// <summary>A CRM postal address, each part optional as CRMs keep them.</summary>
public sealed record CrmAddress
{
    /// <summary>Street and number (BT-50).</summary>
    public string? Line1 { get; init; }

    /// <summary>Additional line (BT-51).</summary>
    public string? Line2 { get; init; }

    /// <summary>City (BT-52).</summary>
    public string? City { get; init; }

    /// <summary>Post code (BT-53).</summary>
    public string? PostCode { get; init; }

    /// <summary>Region or state (BT-54).</summary>
    public string? Subdivision { get; init; }

    /// <summary>Country, ISO 3166-1 alpha-2 (BT-55); CRMs often keep a name such as "France", which the mapping also reads.</summary>
    public string? Country { get; init; }
}
