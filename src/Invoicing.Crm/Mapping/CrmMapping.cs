using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Crm;

/// <summary>
/// Turns a CRM customer into the buyer (<see cref="Party"/>) and a won deal into an invoice draft on the host's
/// <see cref="CrmDraftTemplate"/>, then validates it (EN 16931 and French rules): a draft that comes out of here
/// issues without hand edits, and a deal missing data is held with the fields named. Pure.
/// </summary>
public sealed class CrmMapping
{
    /// <summary>Creates the mapping.</summary>
    public CrmMapping(CrmDraftTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(template.Seller);
        if (template.DefaultPaymentDays is < 0 or > 3660)
        {
            throw new ArgumentException("The default payment delay is 0 to 3660 days.", nameof(template));
        }

        Template = template;
    }

    /// <summary>The host's template.</summary>
    public CrmDraftTemplate Template { get; }

    /// <summary>
    /// The buyer (BG-7) a CRM customer becomes: identifiers without spaces, the SIREN as legal id (BT-47, scheme 0002)
    /// and electronic address (BT-49, scheme 0225), the SIRET as identifier (BT-46), a country name read as its code.
    /// Gaps stay gaps: the validator names them.
    /// </summary>
    public static Party ToParty(CrmCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var siren = Compact(customer.Siren);
        var siret = Compact(customer.Siret);
        var email = Trim(customer.Email);
        Identifier? legalId = siren is not null ? Identifier.Siren(siren) : siret is not null ? Identifier.Siret(siret) : null;
        return new Party
        {
            Name = Trim(customer.Name) ?? string.Empty,
            LegalId = legalId,
            Identifiers = siret is null ? ValueList<Identifier>.Empty : [Identifier.Siret(siret)],
            VatId = Compact(customer.VatId)?.ToUpperInvariant(),
            Address = ToAddress(customer.Address),
            ElectronicAddress = siren is not null ? new Identifier(siren, "0225") : email is not null ? new Identifier(email, "EM") : null,
            Contact = email is null && Trim(customer.ContactName) is null && Trim(customer.Phone) is null
                ? null
                : new Contact { Name = Trim(customer.ContactName), Phone = Trim(customer.Phone), Email = email },
        };
    }

    /// <summary>
    /// The draft of a deal for <paramref name="customer"/>, dated <paramref name="issueDate"/>, validated. Held (with
    /// issues) when the customer is unknown, a line lacks what an invoice needs, or the draft breaks an error rule.
    /// </summary>
    public CrmDraftResult ToDraft(CrmDeal deal, CrmCustomer? customer, LocalDate issueDate)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var issues = new List<ValidationIssue>();
        if (customer is null)
        {
            issues.Add(ValidationIssue.Error("CRM-CUSTOMER", "deal.customerId", string.IsNullOrWhiteSpace(deal.CustomerId)
                ? "The deal names no customer to bill."
                : $"The deal's customer '{deal.CustomerId}' is not in the CRM."));
        }

        if (customer is not null && Template.BuyersAreBusinesses && CountryCodes.Resolve(customer.Address?.Country) == "FR"
            && Compact(customer.Siren) is null && Compact(customer.Siret) is null)
        {
            issues.Add(ValidationIssue.Error("CRM-CUSTOMER-SIREN", "customer.siren", $"The French customer '{customer.Name ?? customer.Id}' has no SIREN (or SIRET) in the CRM; a French B2B invoice names it (BT-47)."));
        }

        var currency = Template.DefaultCurrency;
        if (deal.Currency is { } code && !string.IsNullOrWhiteSpace(code) && !Currency.TryFromCode(code, out currency))
        {
            issues.Add(ValidationIssue.Error("CRM-CURRENCY", "deal.currency", $"'{code}' is not an ISO 4217 currency code."));
        }

        var days = deal.PaymentDays ?? Template.DefaultPaymentDays;
        if (days is < 0 or > 3660)
        {
            issues.Add(ValidationIssue.Error("CRM-PAYMENT-DAYS", "deal.paymentDays", $"The payment delay is 0 to 3660 days, not {days}."));
            days = Template.DefaultPaymentDays;
        }

        if (deal.Lines.Count == 0)
        {
            issues.Add(ValidationIssue.Error("CRM-LINES", "deal.lines", "The deal has no line items to invoice."));
        }

        var lines = new List<InvoiceLine>(deal.Lines.Count);
        for (var i = 0; i < deal.Lines.Count; i++)
        {
            if (ToLine(deal.Lines[i], i, issues) is { } line)
            {
                lines.Add(line);
            }
        }

        if (issues.Count > 0)
        {
            return new CrmDraftResult { Issues = issues, Language = Trim(customer?.Language) };
        }

        var categories = lines.Select(line => line.VatCategory).ToHashSet();
        var draft = new Invoice
        {
            IssueDate = issueDate,
            DueDate = issueDate.PlusDays(days),
            Currency = currency,
            Seller = Template.Seller,
            Buyer = ToParty(customer!),
            BusinessProcessType = Template.BusinessProcessType,
            VatDueDateType = Template.VatDueDateType,
            PaymentTerms = Trim(deal.PaymentTerms) ?? Template.DefaultPaymentTerms ?? string.Create(CultureInfo.InvariantCulture, $"Payment within {days} days."),
            PurchaseOrderReference = Trim(deal.PurchaseOrderReference),
            SalesOrderReference = deal.Id,
            Notes = Trim(deal.Name) is { } name ? [new InvoiceNote(name), .. Template.Notes] : Template.Notes,
            PaymentInstructions = Template.PaymentInstructions,
            Delivery = IntraCommunityDelivery(categories, deal, customer!),
            VatExemptions = Template.VatExemptions.Where(exemption => categories.Contains(exemption.Category)).ToValueList(),
            Lines = lines.ToValueList(),
        };
        var errors = InvoicingService.Validate(draft).Issues.Where(issue => issue.Severity == ValidationSeverity.Error).ToArray();
        return errors.Length > 0
            ? new CrmDraftResult { Issues = errors, Language = Trim(customer!.Language) }
            : new CrmDraftResult { Draft = draft, Language = Trim(customer!.Language) };
    }

    private InvoiceLine? ToLine(CrmDealLine line, int index, List<ValidationIssue> issues)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"deal.lines[{index}]");
        var before = issues.Count;
        var name = Trim(line.Name);
        if (name is null)
        {
            issues.Add(ValidationIssue.Error("CRM-LINE-NAME", path + ".name", $"Line {index + 1} has no product name."));
        }

        if (line.Quantity is null)
        {
            issues.Add(ValidationIssue.Error("CRM-LINE-QUANTITY", path + ".quantity", $"Line {index + 1} has no quantity."));
        }

        if (line.UnitPrice is null)
        {
            issues.Add(ValidationIssue.Error("CRM-LINE-PRICE", path + ".unitPrice", $"Line {index + 1} has no unit price."));
        }

        var category = Template.DefaultVatCategory;
        if (Trim(line.VatCategory) is { } code && !VatCategories.TryParse(code.ToUpperInvariant(), out category))
        {
            issues.Add(ValidationIssue.Error("CRM-LINE-VAT-CATEGORY", path + ".vatCategory", $"Line {index + 1}: '{code}' is not a VAT category code (S, Z, E, AE, K, G, O, L, M, B)."));
        }

        if (issues.Count > before)
        {
            return null;
        }

        return new InvoiceLine
        {
            Id = (index + 1).ToString(CultureInfo.InvariantCulture),
            ItemName = name!,
            Description = Trim(line.Description),
            Quantity = line.Quantity!.Value,
            NetPrice = line.UnitPrice!.Value,
            UnitCode = Trim(line.UnitCode)?.ToUpperInvariant() ?? "C62",
            VatCategory = category,
            VatRate = line.VatRate ?? DefaultRate(category),
            SellerItemId = Trim(line.ProductCode),
        };
    }

    /// <summary>
    /// An intra-community supply (category K) states where and when it was delivered (BR-IC-11, BR-IC-12): the
    /// customer's country, on the day the deal closed. Without a close date the validator holds the deal naming the field.
    /// </summary>
    private static Delivery? IntraCommunityDelivery(HashSet<VatCategory> categories, CrmDeal deal, CrmCustomer customer) =>
        categories.Contains(VatCategory.K) && CountryCodes.Resolve(customer.Address?.Country) is { } country
            ? new Delivery { Date = deal.ClosedOn, Address = new PostalAddress { CountryCode = country } }
            : null;

    private decimal? DefaultRate(VatCategory category) => category switch
    {
        VatCategory.S => Template.DefaultVatRate,
        VatCategory.O => null,
        _ => 0m,
    };

    private static PostalAddress? ToAddress(CrmAddress? address)
    {
        if (address is null || CountryCodes.Resolve(address.Country) is not { } country)
        {
            return null;
        }

        return new PostalAddress
        {
            Line1 = Trim(address.Line1),
            Line2 = Trim(address.Line2),
            City = Trim(address.City),
            PostCode = Trim(address.PostCode),
            Subdivision = Trim(address.Subdivision),
            CountryCode = country,
        };
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An identifier as CRMs type it ("552 100 554", "FR 23 552100554") without its spaces, dots and dashes.</summary>
    private static string? Compact(string? value)
    {
        if (Trim(value) is not { } text)
        {
            return null;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-'));
        return compact.Length == 0 ? null : compact;
    }
}
