using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <summary>
/// Maps a CII D16B tree into the Core model. Tolerant: elements are matched by namespace and local name (any
/// prefix), optional ones may be absent, values are trimmed. Strict where it matters: a missing mandatory element
/// or a malformed number, date or code is an <see cref="InvoiceFormatException"/> naming the element path.
/// </summary>
internal static class CiiParser
{
    private static readonly XNamespace Rsm = CiiNames.RsmNs;
    private static readonly XNamespace Ram = CiiNames.RamNs;
    private static readonly XNamespace Udt = CiiNames.UdtNs;
    private static readonly XNamespace Qdt = CiiNames.QdtNs;

    public static EInvoiceDocument Read(XElement root)
    {
        var context = Required(root, Rsm + "ExchangedDocumentContext", "BG-2");
        var specification = RequiredText(Required(context, Ram + "GuidelineSpecifiedDocumentContextParameter", "BT-24"), Ram + "ID", "BT-24");
        var businessProcess = Text(context.Element(Ram + "BusinessProcessSpecifiedDocumentContextParameter"), Ram + "ID");
        var header = Required(root, Rsm + "ExchangedDocument", "BT-1");
        var transaction = Required(root, Rsm + "SupplyChainTradeTransaction", "BG-25");
        var agreement = Required(transaction, Ram + "ApplicableHeaderTradeAgreement", "BG-4");
        var delivery = transaction.Element(Ram + "ApplicableHeaderTradeDelivery");
        var settlement = Required(transaction, Ram + "ApplicableHeaderTradeSettlement", "BG-22");

        var currencyCode = RequiredText(settlement, Ram + "InvoiceCurrencyCode", "BT-5");
        if (!Currency.TryFromCode(currencyCode, out var currency))
        {
            throw XmlPath.BadCode(settlement.Element(Ram + "InvoiceCurrencyCode")!, currencyCode, "ISO 4217 currencies (BT-5)");
        }

        Currency? taxCurrency = null;
        if (Text(settlement, Ram + "TaxCurrencyCode") is { } taxCurrencyCode)
        {
            taxCurrency = Currency.TryFromCode(taxCurrencyCode, out var parsed)
                ? parsed
                : throw XmlPath.BadCode(settlement.Element(Ram + "TaxCurrencyCode")!, taxCurrencyCode, "ISO 4217 currencies (BT-6)");
        }

        var taxes = settlement.Elements(Ram + "ApplicableTradeTax").ToList();
        var summation = Required(settlement, Ram + "SpecifiedTradeSettlementHeaderMonetarySummation", "BG-22");
        var terms = settlement.Elements(Ram + "SpecifiedTradePaymentTerms").ToList();
        var lines = transaction.Elements(Ram + "IncludedSupplyChainTradeLineItem").Select(ReadLine).ToList();
        var additional = agreement.Elements(Ram + "AdditionalReferencedDocument").ToList();

        var invoice = new Invoice
        {
            Number = RequiredText(header, Ram + "ID", "BT-1"),
            Type = ReadType(header),
            IssueDate = RequiredDate(header, Ram + "IssueDateTime", "BT-2"),
            Currency = currency,
            VatAccountingCurrency = taxCurrency,
            VatTotalInAccountingCurrency = taxCurrency is { } tc && tc.Code != currency.Code ? TaxTotal(summation, tc.Code, acceptMissingCurrency: false) : null,
            VatPointDate = FirstDate(taxes, Ram + "TaxPointDate"),
            VatDueDateType = ReadDueDateType(taxes),
            DueDate = terms.Select(t => OptionalDate(t, Ram + "DueDateDateTime")).FirstOrDefault(d => d is not null),
            BuyerReference = Text(agreement, Ram + "BuyerReference"),
            ProjectReference = Text(agreement.Element(Ram + "SpecifiedProcuringProject"), Ram + "ID"),
            ContractReference = Text(agreement.Element(Ram + "ContractReferencedDocument"), Ram + "IssuerAssignedID"),
            TenderOrLotReference = ReadTenderOrLot(additional),
            InvoicedObjectIdentifier = ReadInvoicedObject(additional),
            SupportingDocuments = ReadSupportingDocuments(additional),
            PurchaseOrderReference = Text(agreement.Element(Ram + "BuyerOrderReferencedDocument"), Ram + "IssuerAssignedID"),
            SalesOrderReference = Text(agreement.Element(Ram + "SellerOrderReferencedDocument"), Ram + "IssuerAssignedID"),
            ReceivingAdviceReference = Text(delivery?.Element(Ram + "ReceivingAdviceReferencedDocument"), Ram + "IssuerAssignedID"),
            DespatchAdviceReference = Text(delivery?.Element(Ram + "DespatchAdviceReferencedDocument"), Ram + "IssuerAssignedID"),
            BuyerAccountingReference = Text(settlement.Element(Ram + "ReceivableSpecifiedTradeAccountingAccount"), Ram + "ID"),
            PaymentTerms = JoinDescriptions(terms),
            Notes = header.Elements(Ram + "IncludedNote").Select(ReadNote).OfType<InvoiceNote>().ToValueList(),
            BusinessProcessType = businessProcess,
            PrecedingInvoices = settlement.Elements(Ram + "InvoiceReferencedDocument").Select(ReadPreceding).ToValueList(),
            Seller = ReadParty(Required(agreement, Ram + "SellerTradeParty", "BG-4"), "BT-27", isSeller: true),
            Buyer = ReadParty(Required(agreement, Ram + "BuyerTradeParty", "BG-7"), "BT-44"),
            Payee = settlement.Element(Ram + "PayeeTradeParty") is { } payee ? ReadPayee(payee) : null,
            SellerTaxRepresentative = agreement.Element(Ram + "SellerTaxRepresentativeTradeParty") is { } representative ? ReadTaxRepresentative(representative) : null,
            Delivery = delivery is null ? null : ReadDelivery(delivery),
            InvoicingPeriod = ReadPeriod(settlement.Element(Ram + "BillingSpecifiedPeriod")),
            PaymentInstructions = ReadPayment(settlement, terms),
            AllowancesCharges = settlement.Elements(Ram + "SpecifiedTradeAllowanceCharge").Select(e => ReadAllowanceCharge(e, withTax: true)).ToValueList(),
            VatExemptions = ReadExemptions(taxes),
            PrepaidAmount = OptionalDecimal(summation, Ram + "TotalPrepaidAmount"),
            RoundingAmount = OptionalDecimal(summation, Ram + "RoundingAmount"),
            Lines = lines.Select(l => l.Line).ToValueList(),
        };

        var stated = ReadStatedTotals(summation, taxes, currency, lines.Select(l => l.StatedNet).ToValueList());
        var profile = FacturXProfiles.TryFromGuidelineId(specification, out var p) ? p : (FacturXProfile?)null;
        return new EInvoiceDocument(invoice, EInvoiceSyntax.Cii, profile, specification, stated);
    }

    private static InvoiceTotals ReadStatedTotals(XElement summation, List<XElement> taxes, Currency currency, ValueList<decimal> lineNets)
    {
        var taxBasis = RequiredDecimal(summation, Ram + "TaxBasisTotalAmount", "BT-109");
        var rows = new List<VatBreakdown>(taxes.Count);
        foreach (var tax in taxes)
        {
            var category = ReadCategory(tax, "BT-118");
            rows.Add(new VatBreakdown(
                category,
                OptionalDecimal(tax, Ram + "RateApplicablePercent") ?? (category == VatCategory.O || !category.IsZeroVat() ? null : 0m),
                RequiredDecimal(tax, Ram + "BasisAmount", "BT-116"),
                RequiredDecimal(tax, Ram + "CalculatedAmount", "BT-117"),
                Text(tax, Ram + "ExemptionReasonCode"),
                Text(tax, Ram + "ExemptionReason")));
        }

        rows.Sort((l, r) => l.Category != r.Category ? l.Category.CompareTo(r.Category) : Nullable.Compare(l.Rate, r.Rate));
        return new InvoiceTotals
        {
            LineNetTotal = OptionalDecimal(summation, Ram + "LineTotalAmount") ?? 0m,
            ChargeTotal = OptionalDecimal(summation, Ram + "ChargeTotalAmount"),
            AllowanceTotal = OptionalDecimal(summation, Ram + "AllowanceTotalAmount"),
            TaxExclusiveAmount = taxBasis,
            VatTotal = TaxTotal(summation, currency.Code, acceptMissingCurrency: true) ?? 0m,
            RoundingAmount = OptionalDecimal(summation, Ram + "RoundingAmount"),
            TaxInclusiveAmount = RequiredDecimal(summation, Ram + "GrandTotalAmount", "BT-112"),
            PrepaidAmount = OptionalDecimal(summation, Ram + "TotalPrepaidAmount"),
            AmountDue = RequiredDecimal(summation, Ram + "DuePayableAmount", "BT-115"),
            VatBreakdown = rows.ToValueList(),
            LineNetAmounts = lineNets,
        };
    }

    private static decimal? TaxTotal(XElement summation, string currencyCode, bool acceptMissingCurrency)
    {
        foreach (var total in summation.Elements(Ram + "TaxTotalAmount"))
        {
            var attribute = (string?)total.Attribute("currencyID");
            if (attribute?.Trim() == currencyCode || (attribute is null && acceptMissingCurrency))
            {
                return XmlValues.ParseDecimal(total);
            }
        }

        return null;
    }

    private static (InvoiceLine Line, decimal StatedNet) ReadLine(XElement item)
    {
        var document = Required(item, Ram + "AssociatedDocumentLineDocument", "BT-126");
        var product = Required(item, Ram + "SpecifiedTradeProduct", "BG-31");
        var agreement = Required(item, Ram + "SpecifiedLineTradeAgreement", "BG-29");
        var delivery = Required(item, Ram + "SpecifiedLineTradeDelivery", "BT-129");
        var settlement = Required(item, Ram + "SpecifiedLineTradeSettlement", "BG-30");
        var net = Required(agreement, Ram + "NetPriceProductTradePrice", "BT-146");
        var gross = agreement.Element(Ram + "GrossPriceProductTradePrice");
        var billed = Required(delivery, Ram + "BilledQuantity", "BT-129");
        var tax = Required(settlement, Ram + "ApplicableTradeTax", "BG-30");
        var basis = net.Element(Ram + "BasisQuantity") ?? gross?.Element(Ram + "BasisQuantity");
        var discount = gross?.Elements(Ram + "AppliedTradeAllowanceCharge").FirstOrDefault(e => !ReadIndicator(e));
        var globalId = product.Element(Ram + "GlobalID");
        var line = new InvoiceLine
        {
            Id = RequiredText(document, Ram + "LineID", "BT-126"),
            Note = JoinNotes(document.Elements(Ram + "IncludedNote")),
            ItemName = Text(product, Ram + "Name") ?? throw XmlPath.Missing(product, "Name", "BT-153"),
            Description = Text(product, Ram + "Description"),
            ItemAttributes = ReadItemAttributes(product),
            SellerItemId = Text(product, Ram + "SellerAssignedID"),
            BuyerItemId = Text(product, Ram + "BuyerAssignedID"),
            StandardItemId = globalId is null || string.IsNullOrWhiteSpace(globalId.Value) ? null : new Identifier(globalId.Value.Trim(), Attr(globalId, "schemeID")),
            ClassificationIds = product.Elements(Ram + "DesignatedProductClassification")
                .Select(c => c.Element(Ram + "ClassCode"))
                .OfType<XElement>()
                .Where(c => !string.IsNullOrWhiteSpace(c.Value))
                .Select(c => new Identifier(c.Value.Trim(), Attr(c, "listID")))
                .ToValueList(),
            OriginCountryCode = Text(product.Element(Ram + "OriginTradeCountry"), Ram + "ID"),
            PurchaseOrderLineReference = Text(agreement.Element(Ram + "BuyerOrderReferencedDocument"), Ram + "LineID"),
            GrossPrice = gross is null ? null : OptionalDecimal(gross, Ram + "ChargeAmount"),
            PriceDiscount = discount is null ? null : OptionalDecimal(discount, Ram + "ActualAmount"),
            NetPrice = RequiredDecimal(net, Ram + "ChargeAmount", "BT-146"),
            BaseQuantity = basis is null || string.IsNullOrWhiteSpace(basis.Value) ? null : XmlValues.ParseDecimal(basis),
            BaseQuantityUnitCode = basis is null ? null : Attr(basis, "unitCode"),
            Quantity = XmlValues.ParseDecimal(billed),
            UnitCode = Attr(billed, "unitCode") ?? "C62",
            VatCategory = ReadCategory(tax, "BT-151"),
            VatRate = OptionalDecimal(tax, Ram + "RateApplicablePercent"),
            Period = ReadPeriod(settlement.Element(Ram + "BillingSpecifiedPeriod")),
            AllowancesCharges = settlement.Elements(Ram + "SpecifiedTradeAllowanceCharge").Select(e => ReadAllowanceCharge(e, withTax: false)).ToValueList(),
            AccountingReference = Text(settlement.Element(Ram + "ReceivableSpecifiedTradeAccountingAccount"), Ram + "ID"),
        };
        var sum = settlement.Element(Ram + "SpecifiedTradeSettlementLineMonetarySummation");
        var statedNet = sum is null ? 0m : RequiredDecimal(sum, Ram + "LineTotalAmount", "BT-131");
        return (line, statedNet);
    }

    /// <summary>The type code of an additional referenced document (BT-17: 50, BT-18: 130, BG-24: 916), trimmed.</summary>
    private static string? TypeCode(XElement document) => Text(document, Ram + "TypeCode");

    /// <summary>BT-17: the first additional referenced document of type 50.</summary>
    private static string? ReadTenderOrLot(List<XElement> documents)
    {
        foreach (var document in documents)
        {
            if (TypeCode(document) == "50")
            {
                return RequiredText(document, Ram + "IssuerAssignedID", "BT-17");
            }
        }

        return null;
    }

    /// <summary>BT-18: the first additional referenced document of type 130; its reference type code is the scheme (BT-18-1).</summary>
    private static Identifier? ReadInvoicedObject(List<XElement> documents)
    {
        foreach (var document in documents)
        {
            if (TypeCode(document) == "130")
            {
                return new Identifier(RequiredText(document, Ram + "IssuerAssignedID", "BT-18"), Text(document, Ram + "ReferenceTypeCode"));
            }
        }

        return null;
    }

    /// <summary>
    /// BG-24: every additional referenced document of type 916, in document order; null (not empty) when there is none,
    /// so that a document without them maps to the same model as before. The attached binary object (BT-125) is not kept.
    /// </summary>
    private static ValueList<SupportingDocument>? ReadSupportingDocuments(List<XElement> documents)
    {
        List<SupportingDocument>? result = null;
        foreach (var document in documents)
        {
            if (TypeCode(document) == "916")
            {
                (result ??= []).Add(new SupportingDocument(
                    RequiredText(document, Ram + "IssuerAssignedID", "BT-122"),
                    Text(document, Ram + "Name"),
                    Text(document, Ram + "URIID")));
            }
        }

        return result?.ToValueList();
    }

    /// <summary>BG-32: the product characteristics (description BT-160, value BT-161); null when the product has none.</summary>
    private static ValueList<ItemAttribute>? ReadItemAttributes(XElement product)
    {
        List<ItemAttribute>? result = null;
        foreach (var characteristic in product.Elements(Ram + "ApplicableProductCharacteristic"))
        {
            (result ??= []).Add(new ItemAttribute(
                RequiredText(characteristic, Ram + "Description", "BT-160"),
                RequiredText(characteristic, Ram + "Value", "BT-161")));
        }

        return result?.ToValueList();
    }

    private static Party ReadParty(XElement party, string nameTerm, bool isSeller = false)
    {
        var legal = party.Element(Ram + "SpecifiedLegalOrganization");
        var legalId = legal?.Element(Ram + "ID");
        var contact = party.Element(Ram + "DefinedTradeContact");
        var electronic = party.Element(Ram + "URIUniversalCommunication")?.Element(Ram + "URIID");
        string? vatId = null;
        string? taxId = null;
        foreach (var registration in party.Elements(Ram + "SpecifiedTaxRegistration"))
        {
            var id = registration.Element(Ram + "ID");
            if (id is null || string.IsNullOrWhiteSpace(id.Value))
            {
                continue;
            }

            switch (Attr(id, "schemeID"))
            {
                case "VA":
                    vatId ??= id.Value.Trim();
                    break;
                case "FC" when isSeller:
                    taxId ??= id.Value.Trim();
                    break;
                default:
                    break;
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var id in party.Elements(Ram + "ID"))
        {
            if (!string.IsNullOrWhiteSpace(id.Value))
            {
                identifiers.Add(new Identifier(id.Value.Trim(), Attr(id, "schemeID")));
            }
        }

        foreach (var id in party.Elements(Ram + "GlobalID"))
        {
            if (!string.IsNullOrWhiteSpace(id.Value))
            {
                identifiers.Add(new Identifier(id.Value.Trim(), Attr(id, "schemeID")));
            }
        }

        return new Party
        {
            Name = Text(party, Ram + "Name") ?? throw XmlPath.Missing(party, "Name", nameTerm),
            TradingName = Text(legal, Ram + "TradingBusinessName"),
            Identifiers = identifiers.ToValueList(),
            LegalId = legalId is null || string.IsNullOrWhiteSpace(legalId.Value) ? null : new Identifier(legalId.Value.Trim(), Attr(legalId, "schemeID")),
            VatId = vatId,
            TaxRegistrationId = taxId,
            AdditionalLegalInfo = isSeller ? Text(party, Ram + "Description") : null,
            Address = ReadAddress(party.Element(Ram + "PostalTradeAddress")),
            ElectronicAddress = electronic is null || string.IsNullOrWhiteSpace(electronic.Value) ? null : new Identifier(electronic.Value.Trim(), Attr(electronic, "schemeID")),
            Contact = contact is null ? null : ReadContact(contact),
        };
    }

    /// <summary>The payee (BG-10) has a name, identifiers and a legal registration only.</summary>
    private static Party ReadPayee(XElement payee) =>
        ReadParty(payee, "BT-59") with { Address = null, Contact = null, VatId = null, ElectronicAddress = null, TradingName = null };

    /// <summary>
    /// The seller tax representative (BG-11): name (BT-62, BR-18), address (BG-12, country BT-69 by BR-20) and the VAT
    /// identifier (BT-63, the <c>VA</c> tax registration). A missing address is left to the validator (BR-19, BR-56).
    /// </summary>
    private static TaxRepresentative ReadTaxRepresentative(XElement party)
    {
        string? vatId = null;
        foreach (var registration in party.Elements(Ram + "SpecifiedTaxRegistration"))
        {
            if (registration.Element(Ram + "ID") is { } id && Attr(id, "schemeID") == "VA" && !string.IsNullOrWhiteSpace(id.Value))
            {
                vatId = id.Value.Trim();
                break;
            }
        }

        return new TaxRepresentative
        {
            Name = Text(party, Ram + "Name") ?? throw XmlPath.Missing(party, "Name", "BT-62, BR-18"),
            VatId = vatId,
            Address = ReadAddress(party.Element(Ram + "PostalTradeAddress"), "BT-69, BR-20"),
        };
    }

    private static Contact? ReadContact(XElement contact)
    {
        var name = Text(contact, Ram + "PersonName") ?? Text(contact, Ram + "DepartmentName");
        var phone = Text(contact.Element(Ram + "TelephoneUniversalCommunication"), Ram + "CompleteNumber");
        var email = Text(contact.Element(Ram + "EmailURIUniversalCommunication"), Ram + "URIID");
        return name is null && phone is null && email is null ? null : new Contact { Name = name, Phone = phone, Email = email };
    }

    private static PostalAddress? ReadAddress(XElement? address, string countryTerm = "BT-40")
    {
        if (address is null)
        {
            return null;
        }

        return new PostalAddress
        {
            PostCode = Text(address, Ram + "PostcodeCode"),
            Line1 = Text(address, Ram + "LineOne"),
            Line2 = Text(address, Ram + "LineTwo"),
            Line3 = Text(address, Ram + "LineThree"),
            City = Text(address, Ram + "CityName"),
            CountryCode = RequiredText(address, Ram + "CountryID", countryTerm),
            Subdivision = Text(address, Ram + "CountrySubDivisionName"),
        };
    }

    private static Delivery? ReadDelivery(XElement delivery)
    {
        var shipTo = delivery.Element(Ram + "ShipToTradeParty");
        var date = OptionalDate(delivery.Element(Ram + "ActualDeliverySupplyChainEvent"), Ram + "OccurrenceDateTime");
        if (shipTo is null && date is null)
        {
            return null;
        }

        var location = shipTo?.Element(Ram + "GlobalID") ?? shipTo?.Element(Ram + "ID");
        var result = new Delivery
        {
            PartyName = Text(shipTo, Ram + "Name"),
            LocationId = location is null || string.IsNullOrWhiteSpace(location.Value) ? null : new Identifier(location.Value.Trim(), Attr(location, "schemeID")),
            Date = date,
            Address = ReadAddress(shipTo?.Element(Ram + "PostalTradeAddress")),
        };
        return result == new Delivery() ? null : result;
    }

    private static PaymentInstructions? ReadPayment(XElement settlement, List<XElement> terms)
    {
        var means = settlement.Elements(Ram + "SpecifiedTradeSettlementPaymentMeans").ToList();
        var mandate = terms.Select(t => Text(t, Ram + "DirectDebitMandateID")).FirstOrDefault(m => m is not null);
        var creditorId = Text(settlement, Ram + "CreditorReferenceID");
        var remittance = Text(settlement, Ram + "PaymentReference");
        if (means.Count == 0)
        {
            return null;
        }

        var first = means[0];
        var transfers = new List<CreditTransfer>();
        PaymentCard? card = null;
        string? debited = null;
        foreach (var m in means)
        {
            if (m.Element(Ram + "PayeePartyCreditorFinancialAccount") is { } account)
            {
                var id = Text(account, Ram + "IBANID") ?? Text(account, Ram + "ProprietaryID");
                if (id is not null)
                {
                    transfers.Add(new CreditTransfer(id, Text(account, Ram + "AccountName"), Text(m.Element(Ram + "PayeeSpecifiedCreditorFinancialInstitution"), Ram + "BICID")));
                }
            }

            if (card is null && m.Element(Ram + "ApplicableTradeSettlementFinancialCard") is { } cardElement && Text(cardElement, Ram + "ID") is { } pan)
            {
                card = new PaymentCard(pan, Text(cardElement, Ram + "CardholderName"));
            }

            debited ??= Text(m.Element(Ram + "PayerPartyDebtorFinancialAccount"), Ram + "IBANID");
        }

        return new PaymentInstructions
        {
            MeansCode = RequiredText(first, Ram + "TypeCode", "BT-81"),
            MeansText = Text(first, Ram + "Information"),
            RemittanceInformation = remittance,
            CreditTransfers = transfers.ToValueList(),
            Card = card,
            DirectDebit = mandate is null && debited is null ? null : new DirectDebit(mandate ?? string.Empty, creditorId, debited),
        };
    }

    private static AllowanceCharge ReadAllowanceCharge(XElement element, bool withTax)
    {
        var isCharge = ReadIndicator(element);
        var tax = withTax ? element.Element(Ram + "CategoryTradeTax") : null;
        return new AllowanceCharge
        {
            IsCharge = isCharge,
            Amount = RequiredDecimal(element, Ram + "ActualAmount", isCharge ? "BT-99" : "BT-92"),
            BaseAmount = OptionalDecimal(element, Ram + "BasisAmount"),
            Percentage = OptionalDecimal(element, Ram + "CalculationPercent"),
            VatCategory = tax is null ? null : ReadCategory(tax, isCharge ? "BT-102" : "BT-95"),
            VatRate = tax is null ? null : OptionalDecimal(tax, Ram + "RateApplicablePercent"),
            Reason = Text(element, Ram + "Reason"),
            ReasonCode = Text(element, Ram + "ReasonCode"),
        };
    }

    private static bool ReadIndicator(XElement element)
    {
        var indicator = Required(element, Ram + "ChargeIndicator", "ChargeIndicator");
        var value = indicator.Element(Udt + "Indicator")?.Value.Trim() ?? indicator.Value.Trim();
        return value switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new InvoiceFormatException($"'{value}' is not a boolean indicator (true or false) (XML-BOOLEAN).", XmlPath.Of(indicator)),
        };
    }

    private static ValueList<VatExemption> ReadExemptions(List<XElement> taxes)
    {
        var exemptions = new List<VatExemption>();
        foreach (var tax in taxes)
        {
            var code = Text(tax, Ram + "ExemptionReasonCode");
            var reason = Text(tax, Ram + "ExemptionReason");
            if (code is null && reason is null)
            {
                continue;
            }

            var category = ReadCategory(tax, "BT-118");
            if (!exemptions.Exists(e => e.Category == category))
            {
                exemptions.Add(new VatExemption(category, code, reason));
            }
        }

        return exemptions.ToValueList();
    }

    private static VatDueDateType? ReadDueDateType(List<XElement> taxes)
    {
        foreach (var tax in taxes)
        {
            if (tax.Element(Ram + "DueDateTypeCode") is { } element && !string.IsNullOrWhiteSpace(element.Value))
            {
                return CiiCodes.TryParseVatDueDateCode(element.Value, out var type)
                    ? type
                    : throw XmlPath.BadCode(element, element.Value.Trim(), "UNTDID 2475 VAT due date codes 5, 29, 72 (BT-8)");
            }
        }

        return null;
    }

    private static LocalDate? FirstDate(List<XElement> taxes, XName name)
    {
        foreach (var tax in taxes)
        {
            if (OptionalDate(tax, name) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static VatCategory ReadCategory(XElement tax, string term)
    {
        var code = RequiredText(tax, Ram + "CategoryCode", term);
        return VatCategories.TryParse(code, out var category)
            ? category
            : throw XmlPath.BadCode(tax.Element(Ram + "CategoryCode")!, code, $"the EN 16931 VAT categories ({term})");
    }

    private static DocumentType ReadType(XElement header)
    {
        var code = RequiredText(header, Ram + "TypeCode", "BT-3");
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1000
            ? (DocumentType)value
            : throw XmlPath.BadCode(header.Element(Ram + "TypeCode")!, code, "UNTDID 1001 document types (BT-3)");
    }

    private static InvoiceNote? ReadNote(XElement note)
    {
        var content = JoinContents(note);
        return content is null ? null : new InvoiceNote(content, Text(note, Ram + "SubjectCode"));
    }

    private static string? JoinContents(XElement note)
    {
        var parts = note.Elements(Ram + "Content").Select(c => c.Value.Trim()).Where(c => c.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static string? JoinNotes(IEnumerable<XElement> notes)
    {
        var parts = notes.Select(JoinContents).OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static string? JoinDescriptions(List<XElement> terms)
    {
        var parts = terms.SelectMany(t => t.Elements(Ram + "Description")).Select(d => d.Value.Trim()).Where(d => d.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static PrecedingInvoiceReference ReadPreceding(XElement reference) =>
        new(RequiredText(reference, Ram + "IssuerAssignedID", "BT-25"), OptionalQualifiedDate(reference.Element(Ram + "FormattedIssueDateTime")));

    private static InvoicePeriod? ReadPeriod(XElement? period)
    {
        if (period is null)
        {
            return null;
        }

        var start = OptionalDate(period, Ram + "StartDateTime");
        var end = OptionalDate(period, Ram + "EndDateTime");
        return start is null && end is null ? null : new InvoicePeriod { Start = start, End = end };
    }

    private static XElement Required(XElement parent, XName name, string term) =>
        parent.Element(name) ?? throw XmlPath.Missing(parent, name.LocalName, term);

    private static string? Text(XElement? parent, XName name)
    {
        var element = parent?.Element(name);
        if (element is null)
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string RequiredText(XElement parent, XName name, string term) =>
        Text(parent, name) ?? throw XmlPath.Missing(parent, name.LocalName, term);

    private static string? Attr(XElement element, string name)
    {
        var value = ((string?)element.Attribute(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static decimal? OptionalDecimal(XElement parent, XName name)
    {
        var element = parent.Element(name);
        return element is null || string.IsNullOrWhiteSpace(element.Value) ? null : XmlValues.ParseDecimal(element);
    }

    private static decimal RequiredDecimal(XElement parent, XName name, string term)
    {
        var element = parent.Element(name);
        return element is null || string.IsNullOrWhiteSpace(element.Value)
            ? throw XmlPath.Missing(parent, name.LocalName, term)
            : XmlValues.ParseDecimal(element);
    }

    private static LocalDate RequiredDate(XElement parent, XName name, string term) =>
        OptionalDate(parent, name) ?? throw XmlPath.Missing(parent, name.LocalName, term);

    /// <summary>A <c>udt:DateTimeString</c> or <c>udt:DateString</c> child, format 102 (the only one EN 16931 allows).</summary>
    private static LocalDate? OptionalDate(XElement? parent, XName name)
    {
        var holder = parent?.Element(name);
        if (holder is null)
        {
            return null;
        }

        var value = holder.Element(Udt + "DateTimeString") ?? holder.Element(Udt + "DateString");
        return ParseDate(holder, value);
    }

    private static LocalDate? OptionalQualifiedDate(XElement? holder)
    {
        if (holder is null)
        {
            return null;
        }

        var value = holder.Element(Qdt + "DateTimeString") ?? holder.Element(Udt + "DateTimeString");
        return ParseDate(holder, value);
    }

    private static LocalDate? ParseDate(XElement holder, XElement? value)
    {
        if (value is null)
        {
            return string.IsNullOrWhiteSpace(holder.Value) ? null : throw XmlPath.Missing(holder, "DateTimeString", "date");
        }

        var format = Attr(value, "format");
        if (format is not null && format != "102")
        {
            throw new InvoiceFormatException($"Date format '{format}' is not supported; EN 16931 requires format 102 (yyyyMMdd) (XML-DATE).", XmlPath.Of(value));
        }

        return XmlValues.ParseDate102(value);
    }
}
