using System.Globalization;
using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>Maps one UBL Invoice or CreditNote tree onto the Core model and its stated totals.</summary>
internal sealed class UblDocumentReader(XElement root, bool creditNote)
{
    private static readonly XNamespace CacNs = UblNames.Cac;
    private static readonly XNamespace CbcNs = UblNames.Cbc;
    private Currency _currency;

    public EInvoiceDocument Read()
    {
        var specification = Required(root, "CustomizationID", "BT-24");
        var number = Required(root, "ID", "BT-1");
        var issueDate = RequiredDate(root, "IssueDate", "BT-2");
        var typeElement = Cbc(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode");
        var type = creditNote ? DocumentType.CreditNote : DocumentType.Invoice;
        if (typeElement is not null)
        {
            var code = Value(typeElement);
            type = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1000
                ? (DocumentType)value
                : throw XmlPath.BadCode(typeElement, code ?? string.Empty, "UNTDID 1001 document types (BT-3)");
        }

        var currencyElement = Cbc(root, "DocumentCurrencyCode") ?? throw XmlPath.Missing(root, "DocumentCurrencyCode", "BT-5");
        _currency = ParseCurrency(currencyElement, "BT-5");
        Currency? accountingCurrency = Cbc(root, "TaxCurrencyCode") is { } taxCurrency ? ParseCurrency(taxCurrency, "BT-6") : null;

        var period = Cac(root, "InvoicePeriod");
        VatDueDateType? dueDateType = null;
        if (period is not null && Cbc(period, "DescriptionCode") is { } descriptionCode)
        {
            var code = Value(descriptionCode);
            dueDateType = UblCodes.TryParseVatDueDateCode(code, out var parsed)
                ? parsed
                : throw XmlPath.BadCode(descriptionCode, code ?? string.Empty, "UNTDID 2005 VAT due date codes 3, 35, 432 (BT-8)");
        }

        var order = Cac(root, "OrderReference");
        var salesOrder = order is null ? null : Text(order, "SalesOrderID");
        var purchaseOrder = order is null ? null : Text(order, "ID");
        if (purchaseOrder == "NA" && salesOrder is not null)
        {
            purchaseOrder = null;
        }

        var mandate = root.Elements(CacNs + "PaymentMeans").Select(m => Cac(m, "PaymentMandate")).FirstOrDefault(m => m is not null);
        var sellerElement = PartyOf(root, "AccountingSupplierParty", "BG-4");
        var buyerElement = PartyOf(root, "AccountingCustomerParty", "BG-7");
        var payeeElement = Cac(root, "PayeeParty");
        string? creditorId = null;
        if (mandate is not null)
        {
            creditorId = SepaId(sellerElement) ?? (payeeElement is null ? null : SepaId(payeeElement));
        }

        var (vatTotal, breakdown, exemptions, accountingVat) = ReadTaxTotals(accountingCurrency);
        var monetary = Cac(root, "LegalMonetaryTotal") ?? throw XmlPath.Missing(root, "LegalMonetaryTotal", "BG-22");
        var lines = ReadLines(out var lineNets);
        var allowances = root.Elements(CacNs + "AllowanceCharge").Select(a => ReadAllowanceCharge(a, documentLevel: true)).ToValueList();
        var prepaid = OptionalAmount(monetary, "PrepaidAmount");
        var rounding = OptionalAmount(monetary, "PayableRoundingAmount");

        var invoice = new Invoice
        {
            Number = number,
            Type = type,
            IssueDate = issueDate,
            Currency = _currency,
            VatAccountingCurrency = accountingCurrency,
            VatTotalInAccountingCurrency = accountingVat,
            VatPointDate = OptionalDate(root, "TaxPointDate"),
            VatDueDateType = dueDateType,
            DueDate = OptionalDate(root, "DueDate")
                ?? root.Elements(CacNs + "PaymentMeans").Concat(root.Elements(CacNs + "PaymentTerms")).Select(m => OptionalDate(m, "PaymentDueDate")).FirstOrDefault(d => d is not null),
            BuyerReference = Text(root, "BuyerReference"),
            ProjectReference = ProjectReference(),
            ContractReference = IdOf(root, "ContractDocumentReference"),
            TenderOrLotReference = IdOf(root, "OriginatorDocumentReference"),
            InvoicedObjectIdentifier = InvoicedObject(),
            SupportingDocuments = SupportingDocuments(),
            PurchaseOrderReference = purchaseOrder,
            SalesOrderReference = salesOrder,
            ReceivingAdviceReference = IdOf(root, "ReceiptDocumentReference"),
            DespatchAdviceReference = IdOf(root, "DespatchDocumentReference"),
            BuyerAccountingReference = Text(root, "AccountingCost"),
            PaymentTerms = root.Elements(CacNs + "PaymentTerms").Select(t => Text(t, "Note")).FirstOrDefault(t => t is not null),
            Notes = root.Elements(CbcNs + "Note").Select(ReadNote).Where(n => n is not null).Select(n => n!).ToValueList(),
            BusinessProcessType = Text(root, "ProfileID") is { } profile && profile != UblNames.PeppolProfileId ? profile : null,
            PrecedingInvoices = root.Elements(CacNs + "BillingReference").Select(ReadPreceding).Where(p => p is not null).Select(p => p!).ToValueList(),
            Seller = ReadParty(sellerElement, seller: true, skipSepa: mandate is not null),
            Buyer = ReadParty(buyerElement, seller: false, skipSepa: false),
            Payee = payeeElement is null ? null : ReadPayee(payeeElement, skipSepa: mandate is not null),
            SellerTaxRepresentative = Cac(root, "TaxRepresentativeParty") is { } representative ? ReadTaxRepresentative(representative) : null,
            Delivery = Cac(root, "Delivery") is { } delivery ? ReadDelivery(delivery) : null,
            InvoicingPeriod = period is null ? null : ReadPeriod(period),
            PaymentInstructions = ReadPayment(creditorId),
            AllowancesCharges = allowances,
            VatExemptions = exemptions,
            PrepaidAmount = prepaid,
            RoundingAmount = rounding,
            Lines = lines,
        };

        var allowanceTotal = OptionalAmount(monetary, "AllowanceTotalAmount");
        var chargeTotal = OptionalAmount(monetary, "ChargeTotalAmount");
        var stated = new InvoiceTotals
        {
            LineNetTotal = RequiredAmount(monetary, "LineExtensionAmount", "BT-106"),
            AllowanceTotal = allowanceTotal,
            ChargeTotal = chargeTotal,
            TaxExclusiveAmount = RequiredAmount(monetary, "TaxExclusiveAmount", "BT-109"),
            VatTotal = vatTotal,
            TaxInclusiveAmount = RequiredAmount(monetary, "TaxInclusiveAmount", "BT-112"),
            PrepaidAmount = prepaid,
            RoundingAmount = rounding,
            AmountDue = RequiredAmount(monetary, "PayableAmount", "BT-115"),
            VatBreakdown = breakdown,
            LineNetAmounts = lineNets,
        };
        return new EInvoiceDocument(invoice, EInvoiceSyntax.Ubl, null, specification, stated);
    }

    private string? ProjectReference()
    {
        if (IdOf(root, "ProjectReference") is { } project)
        {
            return project;
        }

        // Credit notes carry BT-11 as a document reference of type 50 (UBL has no ProjectReference there).
        foreach (var reference in root.Elements(CacNs + "AdditionalDocumentReference"))
        {
            if (Text(reference, "DocumentTypeCode") == "50")
            {
                return Text(reference, "ID");
            }
        }

        return null;
    }

    /// <summary>BT-18: the first additional document reference of type 130; the scheme of its ID is BT-18-1.</summary>
    private Identifier? InvoicedObject()
    {
        foreach (var reference in root.Elements(CacNs + "AdditionalDocumentReference"))
        {
            if (Text(reference, "DocumentTypeCode") == "130")
            {
                return Identifier(reference, "ID") ?? throw XmlPath.Missing(reference, "ID", "BT-18");
            }
        }

        return null;
    }

    /// <summary>
    /// BG-24: the additional document references that are neither BT-18 (type 130) nor BT-17 (type 50), in document
    /// order; null (not empty) when there is none. An embedded attachment (BT-125) is not kept.
    /// </summary>
    private ValueList<SupportingDocument>? SupportingDocuments()
    {
        List<SupportingDocument>? result = null;
        foreach (var reference in root.Elements(CacNs + "AdditionalDocumentReference"))
        {
            if (Text(reference, "DocumentTypeCode") is "130" or "50")
            {
                continue;
            }

            var external = Cac(reference, "Attachment") is { } attachment ? Cac(attachment, "ExternalReference") : null;
            (result ??= []).Add(new SupportingDocument(
                Required(reference, "ID", "BT-122"),
                Text(reference, "DocumentDescription"),
                external is null ? null : Text(external, "URI")));
        }

        return result?.ToValueList();
    }

    /// <summary>BG-32: the additional item properties (name BT-160, value BT-161); null when the item has none.</summary>
    private static ValueList<ItemAttribute>? ItemAttributes(XElement item)
    {
        List<ItemAttribute>? result = null;
        foreach (var property in item.Elements(CacNs + "AdditionalItemProperty"))
        {
            (result ??= []).Add(new ItemAttribute(Required(property, "Name", "BT-160"), Required(property, "Value", "BT-161")));
        }

        return result?.ToValueList();
    }

    private (decimal VatTotal, ValueList<VatBreakdown> Breakdown, ValueList<VatExemption> Exemptions, decimal? AccountingVat) ReadTaxTotals(Currency? accountingCurrency)
    {
        XElement? main = null;
        decimal? accountingVat = null;
        foreach (var taxTotal in root.Elements(CacNs + "TaxTotal"))
        {
            var amount = Cbc(taxTotal, "TaxAmount");
            var currency = amount?.Attribute("currencyID")?.Value.Trim();
            var isAccounting = accountingCurrency is { } other && other.Code != _currency.Code && currency == other.Code;
            if (isAccounting)
            {
                accountingVat = Decimal(amount!);
            }
            else if (main is null)
            {
                main = taxTotal;
            }
        }

        if (main is null)
        {
            return (0m, ValueList<VatBreakdown>.Empty, ValueList<VatExemption>.Empty, accountingVat);
        }

        var vatTotal = RequiredAmount(main, "TaxAmount", "BT-110");
        var rows = new List<VatBreakdown>();
        var exemptions = new List<VatExemption>();
        foreach (var subtotal in main.Elements(CacNs + "TaxSubtotal"))
        {
            var category = Cac(subtotal, "TaxCategory") ?? throw XmlPath.Missing(subtotal, "TaxCategory", "BT-118");
            var (code, rate) = ReadCategory(category, "BT-118", "BT-119");
            var reasonCode = Text(category, "TaxExemptionReasonCode");
            var reason = Text(category, "TaxExemptionReason");
            rows.Add(new VatBreakdown(
                code,
                code == VatCategory.O ? null : rate ?? (code.IsZeroVat() ? 0m : null),
                RequiredAmount(subtotal, "TaxableAmount", "BT-116"),
                RequiredAmount(subtotal, "TaxAmount", "BT-117"),
                reasonCode,
                reason));
            if ((reasonCode is not null || reason is not null) && !exemptions.Exists(e => e.Category == code))
            {
                exemptions.Add(new VatExemption(code, reasonCode, reason));
            }
        }

        return (vatTotal, rows.ToValueList(), exemptions.ToValueList(), accountingVat);
    }

    private (VatCategory Category, decimal? Rate) ReadCategory(XElement category, string categoryTerm, string rateTerm)
    {
        var idElement = Cbc(category, "ID") ?? throw XmlPath.Missing(category, "ID", categoryTerm);
        var id = Value(idElement);
        if (!VatCategories.TryParse(id, out var code))
        {
            throw XmlPath.BadCode(idElement, id ?? string.Empty, $"UNTDID 5305 VAT categories ({categoryTerm})");
        }

        return (code, OptionalDecimal(category, "Percent"));
    }

    private ValueList<InvoiceLine> ReadLines(out ValueList<decimal> nets)
    {
        var name = creditNote ? "CreditNoteLine" : "InvoiceLine";
        var lines = new List<InvoiceLine>();
        var amounts = new List<decimal>();
        foreach (var line in root.Elements(CacNs + name))
        {
            lines.Add(ReadLine(line));
            amounts.Add(RequiredAmount(line, "LineExtensionAmount", "BT-131"));
        }

        nets = amounts.ToValueList();
        return lines.ToValueList();
    }

    private InvoiceLine ReadLine(XElement line)
    {
        var quantityElement = Cbc(line, creditNote ? "CreditedQuantity" : "InvoicedQuantity")
            ?? throw XmlPath.Missing(line, creditNote ? "CreditedQuantity" : "InvoicedQuantity", "BT-129");
        var item = Cac(line, "Item") ?? throw XmlPath.Missing(line, "Item", "BG-31");
        var price = Cac(line, "Price") ?? throw XmlPath.Missing(line, "Price", "BG-29");
        var taxCategory = Cac(item, "ClassifiedTaxCategory") ?? throw XmlPath.Missing(item, "ClassifiedTaxCategory", "BT-151");
        var (category, rate) = ReadCategory(taxCategory, "BT-151", "BT-152");
        var baseQuantity = Cbc(price, "BaseQuantity");
        var priceAllowance = Cac(price, "AllowanceCharge");
        return new InvoiceLine
        {
            Id = Required(line, "ID", "BT-126"),
            ItemName = Required(item, "Name", "BT-153"),
            Description = Text(item, "Description"),
            ItemAttributes = ItemAttributes(item),
            Note = Text(line, "Note"),
            Quantity = Decimal(quantityElement),
            UnitCode = Attribute(quantityElement, "unitCode") ?? "C62",
            NetPrice = RequiredDecimal(price, "PriceAmount", "BT-146"),
            BaseQuantity = baseQuantity is null ? null : Decimal(baseQuantity),
            BaseQuantityUnitCode = baseQuantity is null ? null : Attribute(baseQuantity, "unitCode"),
            GrossPrice = priceAllowance is null ? null : OptionalDecimal(priceAllowance, "BaseAmount"),
            PriceDiscount = priceAllowance is null ? null : OptionalDecimal(priceAllowance, "Amount"),
            AllowancesCharges = line.Elements(CacNs + "AllowanceCharge").Select(a => ReadAllowanceCharge(a, documentLevel: false)).ToValueList(),
            VatCategory = category,
            VatRate = rate,
            Period = Cac(line, "InvoicePeriod") is { } period ? ReadPeriod(period) : null,
            SellerItemId = Cac(item, "SellersItemIdentification") is { } seller ? Text(seller, "ID") : null,
            BuyerItemId = Cac(item, "BuyersItemIdentification") is { } buyer ? Text(buyer, "ID") : null,
            StandardItemId = Cac(item, "StandardItemIdentification") is { } standard ? Identifier(standard, "ID") : null,
            ClassificationIds = item.Elements(CacNs + "CommodityClassification")
                .Select(c => Cbc(c, "ItemClassificationCode"))
                .Where(c => c is not null && Value(c) is not null)
                .Select(c => new Identifier(Value(c!)!, Attribute(c!, "listID")))
                .ToValueList(),
            OriginCountryCode = Cac(item, "OriginCountry") is { } origin ? Text(origin, "IdentificationCode") : null,
            PurchaseOrderLineReference = Cac(line, "OrderLineReference") is { } orderLine ? Text(orderLine, "LineID") : null,
            AccountingReference = Text(line, "AccountingCost"),
        };
    }

    private AllowanceCharge ReadAllowanceCharge(XElement element, bool documentLevel)
    {
        var indicatorElement = Cbc(element, "ChargeIndicator") ?? throw XmlPath.Missing(element, "ChargeIndicator", "BG-20/BG-21");
        var indicator = Value(indicatorElement);
        var isCharge = indicator switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw XmlPath.BadCode(indicatorElement, indicator ?? string.Empty, "xsd:boolean (ChargeIndicator)"),
        };
        VatCategory? category = null;
        decimal? rate = null;
        if (documentLevel && Cac(element, "TaxCategory") is { } taxCategory)
        {
            (var code, rate) = ReadCategory(taxCategory, isCharge ? "BT-102" : "BT-95", isCharge ? "BT-103" : "BT-96");
            category = code;
        }

        return new AllowanceCharge
        {
            IsCharge = isCharge,
            Amount = RequiredAmount(element, "Amount", isCharge ? "BT-99" : "BT-92"),
            BaseAmount = OptionalAmount(element, "BaseAmount"),
            Percentage = OptionalDecimal(element, "MultiplierFactorNumeric"),
            VatCategory = category,
            VatRate = rate,
            Reason = Text(element, "AllowanceChargeReason"),
            ReasonCode = Text(element, "AllowanceChargeReasonCode"),
        };
    }

    private XElement PartyOf(XElement parent, string role, string term)
    {
        var wrapper = Cac(parent, role) ?? throw XmlPath.Missing(parent, role, term);
        return Cac(wrapper, "Party") ?? throw XmlPath.Missing(wrapper, "Party", term);
    }

    private Party ReadParty(XElement party, bool seller, bool skipSepa)
    {
        var legal = Cac(party, "PartyLegalEntity");
        var tradingName = Cac(party, "PartyName") is { } partyName ? Text(partyName, "Name") : null;
        var registrationName = legal is null ? null : Text(legal, "RegistrationName");
        var name = registrationName ?? tradingName ?? throw XmlPath.Missing(legal ?? party, "RegistrationName", seller ? "BT-27" : "BT-44");
        string? vatId = null;
        string? taxId = null;
        foreach (var taxScheme in party.Elements(CacNs + "PartyTaxScheme"))
        {
            var companyId = Text(taxScheme, "CompanyID");
            var scheme = Cac(taxScheme, "TaxScheme") is { } s ? Text(s, "ID") : null;
            if (scheme == "VAT")
            {
                vatId ??= companyId;
            }
            else
            {
                taxId ??= companyId;
            }
        }

        return new Party
        {
            Name = name,
            TradingName = registrationName is null ? null : tradingName,
            Identifiers = Identifiers(party, skipSepa),
            LegalId = legal is null ? null : Identifier(legal, "CompanyID"),
            VatId = vatId,
            TaxRegistrationId = seller ? taxId : null,
            AdditionalLegalInfo = legal is null ? null : Text(legal, "CompanyLegalForm"),
            Address = Cac(party, "PostalAddress") is { } address ? ReadAddress(address) : null,
            ElectronicAddress = Identifier(party, "EndpointID"),
            Contact = Cac(party, "Contact") is { } contact ? ReadContact(contact) : null,
        };
    }

    private Party ReadPayee(XElement payee, bool skipSepa)
    {
        var partyName = Cac(payee, "PartyName");
        return new Party
        {
            Name = (partyName is null ? null : Text(partyName, "Name")) ?? throw XmlPath.Missing(partyName ?? payee, "Name", "BT-59"),
            Identifiers = Identifiers(payee, skipSepa),
            LegalId = Cac(payee, "PartyLegalEntity") is { } legal ? Identifier(legal, "CompanyID") : null,
        };
    }

    /// <summary>
    /// The seller tax representative (BG-11): <c>PartyName/Name</c> (BT-62, BR-18), <c>PostalAddress</c> (BG-12, country
    /// BT-69 by BR-20) and the <c>PartyTaxScheme</c> with tax scheme <c>VAT</c> (BT-63).
    /// </summary>
    private TaxRepresentative ReadTaxRepresentative(XElement party)
    {
        var partyName = Cac(party, "PartyName");
        string? vatId = null;
        foreach (var taxScheme in party.Elements(CacNs + "PartyTaxScheme"))
        {
            if (Cac(taxScheme, "TaxScheme") is { } scheme && Text(scheme, "ID") == "VAT" && Text(taxScheme, "CompanyID") is { } companyId)
            {
                vatId = companyId;
                break;
            }
        }

        return new TaxRepresentative
        {
            Name = (partyName is null ? null : Text(partyName, "Name")) ?? throw XmlPath.Missing(partyName ?? party, partyName is null ? "PartyName" : "Name", "BT-62, BR-18"),
            VatId = vatId,
            Address = Cac(party, "PostalAddress") is { } address ? ReadAddress(address, "BT-69, BR-20") : null,
        };
    }

    private ValueList<Identifier> Identifiers(XElement party, bool skipSepa)
    {
        var ids = new List<Identifier>();
        foreach (var identification in party.Elements(CacNs + "PartyIdentification"))
        {
            if (Identifier(identification, "ID") is { } id && !(skipSepa && id.Scheme == "SEPA"))
            {
                ids.Add(id);
            }
        }

        return ids.ToValueList();
    }

    private string? SepaId(XElement party) => party.Elements(CacNs + "PartyIdentification")
        .Select(p => Identifier(p, "ID"))
        .FirstOrDefault(id => id is { Scheme: "SEPA" })?.Value;

    private PostalAddress ReadAddress(XElement address, string countryTerm = "BT-40/BT-55/BT-80")
    {
        var country = Cac(address, "Country");
        return new PostalAddress
        {
            Line1 = Text(address, "StreetName"),
            Line2 = Text(address, "AdditionalStreetName"),
            Line3 = Cac(address, "AddressLine") is { } line ? Text(line, "Line") : null,
            City = Text(address, "CityName"),
            PostCode = Text(address, "PostalZone"),
            Subdivision = Text(address, "CountrySubentity"),
            CountryCode = (country is null ? null : Text(country, "IdentificationCode")) ?? throw XmlPath.Missing(country ?? address, country is null ? "Country" : "IdentificationCode", countryTerm),
        };
    }

    private static Contact ReadContact(XElement contact) => new()
    {
        Name = Text(contact, "Name"),
        Phone = Text(contact, "Telephone"),
        Email = Text(contact, "ElectronicMail"),
    };

    private Delivery ReadDelivery(XElement delivery)
    {
        var location = Cac(delivery, "DeliveryLocation");
        var party = Cac(delivery, "DeliveryParty");
        return new Delivery
        {
            Date = OptionalDate(delivery, "ActualDeliveryDate"),
            LocationId = location is null ? null : Identifier(location, "ID"),
            Address = location is not null && Cac(location, "Address") is { } address ? ReadAddress(address) : null,
            PartyName = party is not null && Cac(party, "PartyName") is { } name ? Text(name, "Name") : null,
        };
    }

    private InvoicePeriod? ReadPeriod(XElement period)
    {
        var start = OptionalDate(period, "StartDate");
        var end = OptionalDate(period, "EndDate");
        return start is null && end is null ? null : new InvoicePeriod { Start = start, End = end };
    }

    private PaymentInstructions? ReadPayment(string? creditorId)
    {
        var means = root.Elements(CacNs + "PaymentMeans").ToList();
        if (means.Count == 0)
        {
            return null;
        }

        var first = means[0];
        var codeElement = Cbc(first, "PaymentMeansCode") ?? throw XmlPath.Missing(first, "PaymentMeansCode", "BT-81");
        var code = Value(codeElement) ?? throw XmlPath.Missing(first, "PaymentMeansCode", "BT-81");
        var transfers = new List<CreditTransfer>();
        PaymentCard? card = null;
        DirectDebit? debit = null;
        string? remittance = null;
        foreach (var item in means)
        {
            remittance ??= Text(item, "PaymentID");
            foreach (var account in item.Elements(CacNs + "PayeeFinancialAccount"))
            {
                var branch = Cac(account, "FinancialInstitutionBranch");
                transfers.Add(new CreditTransfer(
                    Required(account, "ID", "BT-84"),
                    Text(account, "Name"),
                    branch is null ? null : Text(branch, "ID")));
            }

            if (card is null && Cac(item, "CardAccount") is { } cardAccount)
            {
                card = new PaymentCard(Required(cardAccount, "PrimaryAccountNumberID", "BT-87"), Text(cardAccount, "HolderName"));
            }

            if (debit is null && Cac(item, "PaymentMandate") is { } mandate)
            {
                var payer = Cac(mandate, "PayerFinancialAccount");
                debit = new DirectDebit(Text(mandate, "ID") ?? string.Empty, creditorId, payer is null ? null : Text(payer, "ID"));
            }
        }

        return new PaymentInstructions
        {
            MeansCode = code,
            MeansText = Attribute(codeElement, "name"),
            RemittanceInformation = remittance,
            CreditTransfers = transfers.ToValueList(),
            Card = card,
            DirectDebit = debit,
        };
    }

    private static InvoiceNote? ReadNote(XElement note)
    {
        var text = note.Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The EN 16931 UBL binding carries the subject code (BT-21) as a "#CODE#" prefix of the note.
        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '#')
        {
            var end = trimmed.IndexOf('#', 1);
            if (end is > 1 and <= 4)
            {
                return new InvoiceNote(trimmed[(end + 1)..], trimmed[1..end]);
            }
        }

        return new InvoiceNote(trimmed);
    }

    private PrecedingInvoiceReference? ReadPreceding(XElement billing)
    {
        var reference = Cac(billing, "InvoiceDocumentReference");
        if (reference is null)
        {
            return null;
        }

        return new PrecedingInvoiceReference(Required(reference, "ID", "BT-25"), OptionalDate(reference, "IssueDate"));
    }

    private Currency ParseCurrency(XElement element, string term)
    {
        var code = Value(element);
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw XmlPath.BadCode(element, code ?? string.Empty, $"ISO 4217 currencies ({term})");
    }

    private static XElement? Cbc(XElement parent, string name) => parent.Element(CbcNs + name);

    private static XElement? Cac(XElement parent, string name) => parent.Element(CacNs + name);

    private static string? Value(XElement element)
    {
        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? Attribute(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Text(XElement parent, string name) => Cbc(parent, name) is { } element ? Value(element) : null;

    private static string? IdOf(XElement parent, string reference) => Cac(parent, reference) is { } element ? Text(element, "ID") : null;

    private static Identifier? Identifier(XElement parent, string name) =>
        Cbc(parent, name) is { } element && Value(element) is { } value ? new Identifier(value, Attribute(element, "schemeID")) : null;

    private static string Required(XElement parent, string name, string term) =>
        Text(parent, name) ?? throw XmlPath.Missing(parent, name, term);

    private static NodaTime.LocalDate RequiredDate(XElement parent, string name, string term)
    {
        var element = Cbc(parent, name) ?? throw XmlPath.Missing(parent, name, term);
        return IsoDate(element);
    }

    private static NodaTime.LocalDate? OptionalDate(XElement parent, string name) =>
        Cbc(parent, name) is { } element && Value(element) is not null ? IsoDate(element) : null;

    /// <summary>
    /// Parses an ISO date, building the element's path only when it fails: the path walks every sibling of every
    /// ancestor, so building it for each line's values made reading quadratic in the number of lines.
    /// </summary>
    private static NodaTime.LocalDate IsoDate(XElement element) => XmlValues.ParseIsoDate(element);

    /// <summary>Parses a decimal; the element's path is built only when it fails (see <see cref="IsoDate"/>).</summary>
    private static decimal Decimal(XElement element) => XmlValues.ParseDecimal(element);

    private static decimal RequiredDecimal(XElement parent, string name, string term) =>
        Decimal(Cbc(parent, name) ?? throw XmlPath.Missing(parent, name, term));

    private static decimal? OptionalDecimal(XElement parent, string name) =>
        Cbc(parent, name) is { } element && Value(element) is not null ? Decimal(element) : null;

    private static decimal RequiredAmount(XElement parent, string name, string term) =>
        Decimal(Cbc(parent, name) ?? throw XmlPath.Missing(parent, name, term));

    private static decimal? OptionalAmount(XElement parent, string name) =>
        Cbc(parent, name) is { } element && Value(element) is not null ? Decimal(element) : null;
}
