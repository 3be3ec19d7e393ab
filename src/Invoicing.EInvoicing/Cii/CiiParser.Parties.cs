using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <content>Parties (seller, buyer, payee, tax representative, ship-to), their addresses and contacts.</content>
internal sealed partial class CiiParser
{
    /// <summary>A trade party: the seller (BG-4), the buyer (BG-7) or the payee (BG-10).</summary>
    private Party ReadParty(string nameField, string countryField, bool isSeller = false)
    {
        var depth = _cursor.Depth;
        string? name = null, description = null, tradingName = null, vatId = null, taxId = null;
        var identifiers = new List<Identifier>();
        List<Identifier>? globalIds = null;
        Identifier? legalId = null, electronic = null;
        Contact? contact = null;
        PostalAddress? address = null;
        bool hasLegal = false, hasContact = false, hasAddress = false, hasUri = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ID":
                    if (ReadIdentifier() is { } id)
                    {
                        identifiers.Add(id);
                    }

                    break;
                case "GlobalID":
                    if (ReadIdentifier() is { } globalId)
                    {
                        (globalIds ??= []).Add(globalId);
                    }

                    break;
                case "Name":
                    name ??= Text();
                    break;
                case "Description":
                    description ??= Text();
                    break;
                case "SpecifiedLegalOrganization" when !hasLegal:
                    hasLegal = true;
                    (legalId, tradingName) = ReadLegalOrganization();
                    break;
                case "DefinedTradeContact" when !hasContact:
                    hasContact = true;
                    contact = ReadContact();
                    break;
                case "PostalTradeAddress" when !hasAddress:
                    hasAddress = true;
                    address = ReadAddress(countryField);
                    break;
                case "URIUniversalCommunication" when !hasUri:
                    hasUri = true;
                    electronic = ReadFirstIdentifier("URIID");
                    break;
                case "SpecifiedTaxRegistration":
                    var (scheme, registration) = ReadTaxRegistration();
                    switch (scheme)
                    {
                        case "VA":
                            vatId ??= registration;
                            break;
                        case "FC" when isSeller:
                            taxId ??= registration;
                            break;
                        default:
                            break;
                    }

                    break;
                default:
                    break;
            }
        }

        if (globalIds is not null)
        {
            identifiers.AddRange(globalIds);
        }

        return new Party
        {
            Name = Required(name, depth, "Name", nameField),
            TradingName = Value(tradingName),
            Identifiers = identifiers.ToValueList(),
            LegalId = legalId,
            VatId = vatId,
            TaxRegistrationId = taxId,
            AdditionalLegalInfo = isSeller ? Value(description) : null,
            Address = address,
            ElectronicAddress = electronic,
            Contact = contact,
        };
    }

    /// <summary>The payee (BG-10) has a name, identifiers and a legal registration only.</summary>
    private Party ReadPayee() =>
        ReadParty("the payee name (BT-59)", "the payee country code") with { Address = null, Contact = null, VatId = null, ElectronicAddress = null, TradingName = null };

    /// <summary>
    /// The seller tax representative (BG-11): name (BT-62, BR-18), address (BG-12, country BT-69 by BR-20) and the VAT
    /// identifier (BT-63, the <c>VA</c> tax registration). A missing address is left to the validator (BR-19, BR-56).
    /// </summary>
    private TaxRepresentative ReadTaxRepresentative()
    {
        var depth = _cursor.Depth;
        string? name = null, vatId = null;
        PostalAddress? address = null;
        var hasAddress = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "Name":
                    name ??= Text();
                    break;
                case "SpecifiedTaxRegistration" when vatId is null:
                    var (scheme, registration) = ReadTaxRegistration();
                    vatId = scheme == "VA" ? registration : null;
                    break;
                case "PostalTradeAddress" when !hasAddress:
                    hasAddress = true;
                    address = ReadAddress("the seller tax representative country code (BT-69, BR-20)");
                    break;
                default:
                    break;
            }
        }

        return new TaxRepresentative
        {
            Name = Required(name, depth, "Name", "the seller tax representative name (BT-62, BR-18)"),
            VatId = vatId,
            Address = address,
        };
    }

    /// <summary>The ship-to party of the delivery (BG-13): name (BT-70), location (BT-71), address (BG-15).</summary>
    private ShipTo ReadShipTo()
    {
        var depth = _cursor.Depth;
        string? name = null;
        Identifier? globalId = null, id = null;
        PostalAddress? address = null;
        bool hasGlobalId = false, hasId = false, hasAddress = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "Name":
                    name ??= Text();
                    break;
                case "GlobalID" when !hasGlobalId:
                    hasGlobalId = true;
                    globalId = ReadIdentifier();
                    break;
                case "ID" when !hasId:
                    hasId = true;
                    id = ReadIdentifier();
                    break;
                case "PostalTradeAddress" when !hasAddress:
                    hasAddress = true;
                    address = ReadAddress("the deliver-to country code (BT-80)");
                    break;
                default:
                    break;
            }
        }

        // A GlobalID, even empty, is the location; the ID only stands in when there is none.
        return new ShipTo(Value(name), hasGlobalId ? globalId : id, address);
    }

    /// <summary>The first <c>ID</c> of a tax registration and its scheme; a null registration when empty.</summary>
    private (string? Scheme, string? Id) ReadTaxRegistration()
    {
        var depth = _cursor.Depth;
        (string? Scheme, string? Id)? result = null;
        while (_cursor.ReadChild(depth))
        {
            if (result is null && IsRam && _cursor.LocalName == "ID")
            {
                var scheme = _cursor.Attribute("schemeID");
                var id = Value(Text());
                result = id is null ? (null, null) : (scheme, id);
            }
        }

        return result ?? (null, null);
    }

    private (Identifier? LegalId, string? TradingName) ReadLegalOrganization()
    {
        var depth = _cursor.Depth;
        Identifier? legalId = null;
        string? tradingName = null;
        var hasId = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ID" when !hasId:
                    hasId = true;
                    legalId = ReadIdentifier();
                    break;
                case "TradingBusinessName":
                    tradingName ??= Text();
                    break;
                default:
                    break;
            }
        }

        return (legalId, tradingName);
    }

    /// <summary>The first <c>ram</c> child <paramref name="name"/> of the current element as an identifier with its scheme attribute.</summary>
    private Identifier? ReadFirstIdentifier(string name, string schemeAttribute = "schemeID")
    {
        var depth = _cursor.Depth;
        Identifier? result = null;
        var found = false;
        while (_cursor.ReadChild(depth))
        {
            if (!found && IsRam && _cursor.LocalName == name)
            {
                found = true;
                result = ReadIdentifier(schemeAttribute);
            }
        }

        return result;
    }

    private Contact? ReadContact()
    {
        var depth = _cursor.Depth;
        string? person = null, department = null, phone = null, email = null;
        bool hasPhone = false, hasEmail = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "PersonName":
                    person ??= Text();
                    break;
                case "DepartmentName":
                    department ??= Text();
                    break;
                case "TelephoneUniversalCommunication" when !hasPhone:
                    hasPhone = true;
                    phone = ChildText("CompleteNumber");
                    break;
                case "EmailURIUniversalCommunication" when !hasEmail:
                    hasEmail = true;
                    email = ChildText("URIID");
                    break;
                default:
                    break;
            }
        }

        var name = Value(person) ?? Value(department);
        return name is null && Value(phone) is null && Value(email) is null ? null : new Contact { Name = name, Phone = Value(phone), Email = Value(email) };
    }

    private PostalAddress ReadAddress(string countryField)
    {
        var depth = _cursor.Depth;
        string? postCode = null, line1 = null, line2 = null, line3 = null, city = null, country = null, subdivision = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "PostcodeCode":
                    postCode ??= Text();
                    break;
                case "LineOne":
                    line1 ??= Text();
                    break;
                case "LineTwo":
                    line2 ??= Text();
                    break;
                case "LineThree":
                    line3 ??= Text();
                    break;
                case "CityName":
                    city ??= Text();
                    break;
                case "CountryID":
                    country ??= Text();
                    break;
                case "CountrySubDivisionName":
                    subdivision ??= Text();
                    break;
                default:
                    break;
            }
        }

        return new PostalAddress
        {
            PostCode = Value(postCode),
            Line1 = Value(line1),
            Line2 = Value(line2),
            Line3 = Value(line3),
            City = Value(city),
            CountryCode = Required(country, depth, "CountryID", countryField),
            Subdivision = Value(subdivision),
        };
    }

    private sealed record ShipTo(string? Name, Identifier? Location, PostalAddress? Address);
}
