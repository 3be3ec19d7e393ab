using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <summary>
/// Writes the Core model as CII D16B with a forward-only <see cref="CiiXmlWriter"/>, in the element order of the
/// schema's sequences. What the profile cannot carry is left out and reported.
/// </summary>
internal static class CiiSerializer
{
    private const string Rsm = CiiNames.Rsm;
    private const string Ram = CiiNames.Ram;
    private const string Udt = CiiNames.Udt;
    private const string Qdt = CiiNames.Qdt;

    public static IReadOnlyList<ValidationIssue> Write(Invoice invoice, FacturXProfile profile, Stream output, bool throwOnDataLoss)
    {
        if (!Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown Factur-X profile.");
        }

        if (string.IsNullOrWhiteSpace(invoice.Number))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("BR-02", "number", "An invoice shall have an invoice number (BT-1); a draft gets its number when it is issued."));
        }

        TaxRepresentativeGuard.EnsureWritable(invoice);
        (invoice, var totals) = WrittenInvoice.Of(invoice);
        var gate = new ProfileGate(profile);
        var context = new Context(invoice, totals, gate, invoice.Currency);
        // The losses are known before a byte is written, so a refusal leaves the output untouched.
        gate.Collect(invoice);
        if (throwOnDataLoss && gate.Losses.Count > 0)
        {
            throw new InvoiceValidationException(gate.Losses.Select(l => l with { Severity = ValidationSeverity.Error }));
        }

        var writer = new CiiXmlWriter();
        WriteDocument(writer, context);
        writer.CopyTo(output);

        return gate.Losses;
    }

    private sealed record Context(Invoice Invoice, InvoiceTotals Totals, ProfileGate Gate, Currency Currency)
    {
        public FacturXProfile Profile => Gate.Profile;

        /// <summary>BT-6 when it differs from BT-5: CII states no VAT accounting currency equal to the invoice's (BR-53).</summary>
        public Currency? AccountingCurrency => Invoice.VatAccountingCurrency is { } accounting && accounting != Currency ? accounting : null;
    }

    private static void WriteDocument(CiiXmlWriter w, Context c)
    {
        var invoice = c.Invoice;
        w.WriteStartDocument();
        w.WriteStartElement("rsm", "CrossIndustryInvoice", Rsm);
        w.WriteAttributeString("xmlns", "qdt", null, Qdt);
        w.WriteAttributeString("xmlns", "ram", null, Ram);
        w.WriteAttributeString("xmlns", "udt", null, Udt);

        w.WriteStartElement("rsm", "ExchangedDocumentContext", Rsm);
        if (invoice.BusinessProcessType is { } process)
        {
            w.WriteStartElement("ram", "BusinessProcessSpecifiedDocumentContextParameter", Ram);
            Text(w, "ID", process);
            w.WriteEndElement();
        }

        w.WriteStartElement("ram", "GuidelineSpecifiedDocumentContextParameter", Ram);
        Text(w, "ID", c.Profile.GuidelineId());
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("rsm", "ExchangedDocument", Rsm);
        Text(w, "ID", invoice.Number ?? string.Empty);
        Text(w, "TypeCode", ((int)invoice.Type).ToString(System.Globalization.CultureInfo.InvariantCulture));
        DateTime(w, "IssueDateTime", invoice.IssueDate);
        if (c.Profile >= FacturXProfile.BasicWl)
        {
            foreach (var note in invoice.Notes)
            {
                w.WriteStartElement("ram", "IncludedNote", Ram);
                Text(w, "Content", note.Text);
                Optional(w, "SubjectCode", note.SubjectCode);
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();

        w.WriteStartElement("rsm", "SupplyChainTradeTransaction", Rsm);
        if (c.Profile.HasLines())
        {
            var nets = c.Totals.LineNetAmounts;
            for (var i = 0; i < invoice.Lines.Count; i++)
            {
                WriteLine(w, c, invoice.Lines[i], nets[i]);
            }
        }

        WriteAgreement(w, c);
        WriteDelivery(w, c);
        WriteSettlement(w, c);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteLine(CiiXmlWriter w, Context c, InvoiceLine line, decimal net)
    {
        var full = c.Profile >= FacturXProfile.En16931;
        w.WriteStartElement("ram", "IncludedSupplyChainTradeLineItem", Ram);
        w.WriteStartElement("ram", "AssociatedDocumentLineDocument", Ram);
        Text(w, "LineID", line.Id);
        if (line.Note is { } note)
        {
            w.WriteStartElement("ram", "IncludedNote", Ram);
            Text(w, "Content", note);
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("ram", "SpecifiedTradeProduct", Ram);
        if (line.StandardItemId is { } gtin)
        {
            Identified(w, "GlobalID", gtin);
        }

        if (full)
        {
            Optional(w, "SellerAssignedID", line.SellerItemId);
            Optional(w, "BuyerAssignedID", line.BuyerItemId);
        }

        Text(w, "Name", line.ItemName);
        if (full)
        {
            Optional(w, "Description", line.Description);
            foreach (var attribute in line.ItemAttributes ?? ValueList<ItemAttribute>.Empty)
            {
                w.WriteStartElement("ram", "ApplicableProductCharacteristic", Ram);
                Text(w, "Description", attribute.Name);
                Text(w, "Value", attribute.Value);
                w.WriteEndElement();
            }

            foreach (var classification in line.ClassificationIds)
            {
                w.WriteStartElement("ram", "DesignatedProductClassification", Ram);
                w.WriteStartElement("ram", "ClassCode", Ram);
                if (classification.Scheme is { } listId)
                {
                    w.WriteAttributeString("listID", listId);
                }

                w.WriteString(classification.Value);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            if (line.OriginCountryCode is { } origin)
            {
                w.WriteStartElement("ram", "OriginTradeCountry", Ram);
                Text(w, "ID", origin);
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();

        w.WriteStartElement("ram", "SpecifiedLineTradeAgreement", Ram);
        if (full && line.PurchaseOrderLineReference is { } orderLine)
        {
            w.WriteStartElement("ram", "BuyerOrderReferencedDocument", Ram);
            Text(w, "LineID", orderLine);
            w.WriteEndElement();
        }

        if (line.GrossPrice is { } gross)
        {
            w.WriteStartElement("ram", "GrossPriceProductTradePrice", Ram);
            Text(w, "ChargeAmount", XmlValues.FormatDecimal(gross));
            if (line.BaseQuantity is { } grossBasis)
            {
                Quantity(w, "BasisQuantity", grossBasis, line.BaseQuantityUnitCode);
            }

            if (line.PriceDiscount is { } discount)
            {
                w.WriteStartElement("ram", "AppliedTradeAllowanceCharge", Ram);
                Indicator(w, false);
                Text(w, "ActualAmount", XmlValues.FormatDecimal(discount));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("ram", "NetPriceProductTradePrice", Ram);
        Text(w, "ChargeAmount", XmlValues.FormatDecimal(line.NetPrice));
        if (line.BaseQuantity is { } basis)
        {
            Quantity(w, "BasisQuantity", basis, line.BaseQuantityUnitCode);
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("ram", "SpecifiedLineTradeDelivery", Ram);
        Quantity(w, "BilledQuantity", line.Quantity, line.UnitCode);
        w.WriteEndElement();

        w.WriteStartElement("ram", "SpecifiedLineTradeSettlement", Ram);
        w.WriteStartElement("ram", "ApplicableTradeTax", Ram);
        Text(w, "TypeCode", "VAT");
        Text(w, "CategoryCode", line.VatCategory.Code());
        if (line.VatRate is { } rate)
        {
            Text(w, "RateApplicablePercent", XmlValues.FormatDecimal(rate));
        }

        w.WriteEndElement();
        if (line.Period is { } period)
        {
            Period(w, period);
        }

        foreach (var item in line.AllowancesCharges)
        {
            AllowanceCharge(w, c, item, withTax: false);
        }

        w.WriteStartElement("ram", "SpecifiedTradeSettlementLineMonetarySummation", Ram);
        Amount(w, c, "LineTotalAmount", net);
        w.WriteEndElement();
        if (full && line.AccountingReference is { } account)
        {
            w.WriteStartElement("ram", "ReceivableSpecifiedTradeAccountingAccount", Ram);
            Text(w, "ID", account);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteAgreement(CiiXmlWriter w, Context c)
    {
        var invoice = c.Invoice;
        var wl = c.Profile >= FacturXProfile.BasicWl;
        var full = c.Profile >= FacturXProfile.En16931;
        w.WriteStartElement("ram", "ApplicableHeaderTradeAgreement", Ram);
        Optional(w, "BuyerReference", invoice.BuyerReference);
        WriteParty(w, c, "SellerTradeParty", invoice.Seller, PartyRole.Seller);
        WriteParty(w, c, "BuyerTradeParty", invoice.Buyer, PartyRole.Buyer);
        if (wl && invoice.SellerTaxRepresentative is { } representative)
        {
            WriteTaxRepresentative(w, representative);
        }

        if (full && invoice.SalesOrderReference is { } salesOrder)
        {
            Document(w, "SellerOrderReferencedDocument", salesOrder);
        }

        if (invoice.PurchaseOrderReference is { } order)
        {
            Document(w, "BuyerOrderReferencedDocument", order);
        }

        if (wl && invoice.ContractReference is { } contract)
        {
            Document(w, "ContractReferencedDocument", contract);
        }

        if (full)
        {
            // BG-24: type 916, by reference (BT-122), with its location (BT-124) and description (BT-123).
            foreach (var document in invoice.SupportingDocuments ?? ValueList<SupportingDocument>.Empty)
            {
                w.WriteStartElement("ram", "AdditionalReferencedDocument", Ram);
                Text(w, "IssuerAssignedID", document.Id);
                Optional(w, "URIID", document.ExternalLocation);
                Text(w, "TypeCode", "916");
                Optional(w, "Name", document.Description);
                w.WriteEndElement();
            }
        }

        if (full && invoice.TenderOrLotReference is { } tender)
        {
            AdditionalDocument(w, tender, "50", null);
        }

        if (full && invoice.InvoicedObjectIdentifier is { } invoicedObject)
        {
            AdditionalDocument(w, invoicedObject.Value, "130", invoicedObject.Scheme);
        }

        if (full && invoice.ProjectReference is { } project)
        {
            w.WriteStartElement("ram", "SpecifiedProcuringProject", Ram);
            Text(w, "ID", project);
            Text(w, "Name", "Project reference");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteDelivery(CiiXmlWriter w, Context c)
    {
        var invoice = c.Invoice;
        w.WriteStartElement("ram", "ApplicableHeaderTradeDelivery", Ram);
        if (c.Profile >= FacturXProfile.BasicWl && invoice.Delivery is { } delivery)
        {
            if (delivery.PartyName is not null || delivery.LocationId is not null || delivery.Address is not null)
            {
                w.WriteStartElement("ram", "ShipToTradeParty", Ram);
                if (delivery.LocationId is { } location)
                {
                    Identified(w, location.Scheme is null ? "ID" : "GlobalID", location);
                }

                Optional(w, "Name", delivery.PartyName);
                if (delivery.Address is { } address)
                {
                    Address(w, address, countryOnly: false);
                }

                w.WriteEndElement();
            }

            if (delivery.Date is { } date)
            {
                w.WriteStartElement("ram", "ActualDeliverySupplyChainEvent", Ram);
                DateTime(w, "OccurrenceDateTime", date);
                w.WriteEndElement();
            }
        }

        if (c.Profile >= FacturXProfile.BasicWl)
        {
            if (invoice.DespatchAdviceReference is { } despatch)
            {
                Document(w, "DespatchAdviceReferencedDocument", despatch);
            }

            if (c.Profile >= FacturXProfile.En16931 && invoice.ReceivingAdviceReference is { } receiving)
            {
                Document(w, "ReceivingAdviceReferencedDocument", receiving);
            }
        }

        w.WriteEndElement();
    }

    private static void WriteSettlement(CiiXmlWriter w, Context c)
    {
        var invoice = c.Invoice;
        var totals = c.Totals;
        var wl = c.Profile >= FacturXProfile.BasicWl;
        var payment = invoice.PaymentInstructions;
        w.WriteStartElement("ram", "ApplicableHeaderTradeSettlement", Ram);
        if (wl)
        {
            Optional(w, "CreditorReferenceID", payment?.DirectDebit?.CreditorId);
            Optional(w, "PaymentReference", payment?.RemittanceInformation);
        }

        if (c.AccountingCurrency is { } taxCurrency)
        {
            Text(w, "TaxCurrencyCode", taxCurrency.Code);
        }

        Text(w, "InvoiceCurrencyCode", c.Currency.Code);
        if (wl && invoice.Payee is { } payee)
        {
            WriteParty(w, c, "PayeeTradeParty", payee, PartyRole.Payee);
        }

        if (wl && payment is not null)
        {
            WritePaymentMeans(w, c, payment);
        }

        if (wl)
        {
            var first = true;
            foreach (var row in totals.VatBreakdown)
            {
                w.WriteStartElement("ram", "ApplicableTradeTax", Ram);
                Amount(w, c, "CalculatedAmount", row.TaxAmount);
                Text(w, "TypeCode", "VAT");
                Optional(w, "ExemptionReason", row.ExemptionReason);
                Amount(w, c, "BasisAmount", row.TaxableAmount);
                Text(w, "CategoryCode", row.Category.Code());
                Optional(w, "ExemptionReasonCode", row.ExemptionReasonCode);
                // BT-7 is one date for the document: CII-SR-461 allows a single TaxPointDate, so it goes on the first row.
                if (first && invoice.VatPointDate is { } pointDate)
                {
                    w.WriteStartElement("ram", "TaxPointDate", Ram);
                    w.WriteStartElement("udt", "DateString", Udt);
                    w.WriteAttributeString("format", "102");
                    w.WriteString(XmlValues.FormatDate102(pointDate));
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                if (invoice.VatDueDateType is { } dueType)
                {
                    Text(w, "DueDateTypeCode", CiiCodes.VatDueDateCode(dueType));
                }

                if (row.Rate is { } rate)
                {
                    Text(w, "RateApplicablePercent", XmlValues.FormatDecimal(rate));
                }

                w.WriteEndElement();
                first = false;
            }

            if (invoice.InvoicingPeriod is { } period)
            {
                Period(w, period);
            }

            foreach (var item in invoice.AllowancesCharges)
            {
                AllowanceCharge(w, c, item, withTax: true);
            }

            if (invoice.PaymentTerms is not null || invoice.DueDate is not null || !string.IsNullOrEmpty(payment?.DirectDebit?.MandateReference))
            {
                w.WriteStartElement("ram", "SpecifiedTradePaymentTerms", Ram);
                Optional(w, "Description", invoice.PaymentTerms);
                if (invoice.DueDate is { } due)
                {
                    DateTime(w, "DueDateDateTime", due);
                }

                Optional(w, "DirectDebitMandateID", string.IsNullOrEmpty(payment?.DirectDebit?.MandateReference) ? null : payment.DirectDebit.MandateReference);
                w.WriteEndElement();
            }
        }

        w.WriteStartElement("ram", "SpecifiedTradeSettlementHeaderMonetarySummation", Ram);
        if (wl)
        {
            Amount(w, c, "LineTotalAmount", totals.LineNetTotal);
            if (totals.ChargeTotal is { } charges)
            {
                Amount(w, c, "ChargeTotalAmount", charges);
            }

            if (totals.AllowanceTotal is { } allowances)
            {
                Amount(w, c, "AllowanceTotalAmount", allowances);
            }
        }

        Amount(w, c, "TaxBasisTotalAmount", totals.TaxExclusiveAmount);
        w.WriteStartElement("ram", "TaxTotalAmount", Ram);
        w.WriteAttributeString("currencyID", c.Currency.Code);
        w.WriteString(XmlValues.FormatAmount(totals.VatTotal, c.Currency));
        w.WriteEndElement();
        if (c.AccountingCurrency is { } accounting && invoice.VatTotalInAccountingCurrency is { } accountingVat)
        {
            w.WriteStartElement("ram", "TaxTotalAmount", Ram);
            w.WriteAttributeString("currencyID", accounting.Code);
            w.WriteString(XmlValues.FormatAmount(accountingVat, accounting));
            w.WriteEndElement();
        }

        if (wl && totals.RoundingAmount is { } rounding)
        {
            Amount(w, c, "RoundingAmount", rounding);
        }

        Amount(w, c, "GrandTotalAmount", totals.TaxInclusiveAmount);
        if (wl && totals.PrepaidAmount is { } prepaid)
        {
            Amount(w, c, "TotalPrepaidAmount", prepaid);
        }

        Amount(w, c, "DuePayableAmount", totals.AmountDue);
        w.WriteEndElement();

        if (wl)
        {
            foreach (var preceding in invoice.PrecedingInvoices)
            {
                w.WriteStartElement("ram", "InvoiceReferencedDocument", Ram);
                Text(w, "IssuerAssignedID", preceding.Number);
                if (preceding.IssueDate is { } issued)
                {
                    w.WriteStartElement("ram", "FormattedIssueDateTime", Ram);
                    w.WriteStartElement("qdt", "DateTimeString", Qdt);
                    w.WriteAttributeString("format", "102");
                    w.WriteString(XmlValues.FormatDate102(issued));
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            if (invoice.BuyerAccountingReference is { } account)
            {
                w.WriteStartElement("ram", "ReceivableSpecifiedTradeAccountingAccount", Ram);
                Text(w, "ID", account);
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
    }

    private static void WritePaymentMeans(CiiXmlWriter w, Context c, PaymentInstructions payment)
    {
        // One payment means per account to pay into (BG-17); at least one when there is none.
        var transfers = payment.CreditTransfers;
        var count = Math.Max(1, transfers.Count);
        for (var i = 0; i < count; i++)
        {
            w.WriteStartElement("ram", "SpecifiedTradeSettlementPaymentMeans", Ram);
            Text(w, "TypeCode", payment.MeansCode);
            if (c.Profile >= FacturXProfile.En16931)
            {
                Optional(w, "Information", payment.MeansText);
                if (i == 0 && payment.Card is { } card)
                {
                    w.WriteStartElement("ram", "ApplicableTradeSettlementFinancialCard", Ram);
                    Text(w, "ID", card.PrimaryAccountNumber);
                    Optional(w, "CardholderName", card.HolderName);
                    w.WriteEndElement();
                }
            }

            if (i == 0 && payment.DirectDebit?.DebitedAccountId is { } debited)
            {
                w.WriteStartElement("ram", "PayerPartyDebtorFinancialAccount", Ram);
                Text(w, "IBANID", debited);
                w.WriteEndElement();
            }

            if (i < transfers.Count)
            {
                var transfer = transfers[i];
                w.WriteStartElement("ram", "PayeePartyCreditorFinancialAccount", Ram);
                Text(w, CiiCodes.LooksLikeIban(transfer.AccountId) ? "IBANID" : "ProprietaryID", transfer.AccountId);
                if (c.Profile >= FacturXProfile.En16931)
                {
                    Optional(w, "AccountName", transfer.AccountName);
                }

                w.WriteEndElement();
                if (c.Profile >= FacturXProfile.En16931 && transfer.ServiceProviderId is { } bic)
                {
                    w.WriteStartElement("ram", "PayeeSpecifiedCreditorFinancialInstitution", Ram);
                    Text(w, "BICID", bic);
                    w.WriteEndElement();
                }
            }

            w.WriteEndElement();
        }
    }

    private enum PartyRole
    {
        Seller,
        Buyer,
        Payee,
    }

    private static void WriteParty(CiiXmlWriter w, Context c, string element, Party party, PartyRole role)
    {
        var minimum = c.Profile == FacturXProfile.Minimum;
        var full = c.Profile >= FacturXProfile.En16931;
        w.WriteStartElement("ram", element, Ram);
        if (!minimum)
        {
            foreach (var id in party.Identifiers)
            {
                if (id.Scheme is null)
                {
                    Text(w, "ID", id.Value);
                }
            }

            foreach (var id in party.Identifiers)
            {
                if (id.Scheme is not null)
                {
                    Identified(w, "GlobalID", id);
                }
            }
        }

        Text(w, "Name", party.Name);
        if (role == PartyRole.Seller && full)
        {
            Optional(w, "Description", party.AdditionalLegalInfo);
        }

        var tradingName = full && role != PartyRole.Payee ? party.TradingName : null;
        if (party.LegalId is not null || tradingName is not null)
        {
            w.WriteStartElement("ram", "SpecifiedLegalOrganization", Ram);
            if (party.LegalId is { } legal)
            {
                Identified(w, "ID", legal);
            }

            Optional(w, "TradingBusinessName", tradingName);
            w.WriteEndElement();
        }

        if (role == PartyRole.Payee)
        {
            w.WriteEndElement();
            return;
        }

        if (full && party.Contact is { } contact)
        {
            w.WriteStartElement("ram", "DefinedTradeContact", Ram);
            Optional(w, "PersonName", contact.Name);
            if (contact.Phone is { } phone)
            {
                w.WriteStartElement("ram", "TelephoneUniversalCommunication", Ram);
                Text(w, "CompleteNumber", phone);
                w.WriteEndElement();
            }

            if (contact.Email is { } email)
            {
                w.WriteStartElement("ram", "EmailURIUniversalCommunication", Ram);
                Text(w, "URIID", email);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (party.Address is { } address && !(minimum && role == PartyRole.Buyer))
        {
            Address(w, address, countryOnly: minimum);
        }

        if (!minimum && party.ElectronicAddress is { } electronic)
        {
            w.WriteStartElement("ram", "URIUniversalCommunication", Ram);
            Identified(w, "URIID", electronic);
            w.WriteEndElement();
        }

        if (party.VatId is { } vatId && (role == PartyRole.Seller || !minimum))
        {
            TaxRegistration(w, "VA", vatId);
        }

        if (role == PartyRole.Seller && !minimum && party.TaxRegistrationId is { } taxId)
        {
            TaxRegistration(w, "FC", taxId);
        }

        w.WriteEndElement();
    }

    /// <summary>BG-11, between the buyer and the order references as the schema orders them: name, address, VAT id.</summary>
    private static void WriteTaxRepresentative(CiiXmlWriter w, TaxRepresentative representative)
    {
        w.WriteStartElement("ram", "SellerTaxRepresentativeTradeParty", Ram);
        Text(w, "Name", representative.Name);
        if (representative.Address is { } address)
        {
            Address(w, address, countryOnly: false);
        }

        if (representative.VatId is { } vatId)
        {
            TaxRegistration(w, "VA", vatId);
        }

        w.WriteEndElement();
    }

    private static void TaxRegistration(CiiXmlWriter w, string scheme, string id)
    {
        w.WriteStartElement("ram", "SpecifiedTaxRegistration", Ram);
        w.WriteStartElement("ram", "ID", Ram);
        w.WriteAttributeString("schemeID", scheme);
        w.WriteString(id);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Address(CiiXmlWriter w, PostalAddress address, bool countryOnly)
    {
        w.WriteStartElement("ram", "PostalTradeAddress", Ram);
        if (!countryOnly)
        {
            Optional(w, "PostcodeCode", address.PostCode);
            Optional(w, "LineOne", address.Line1);
            Optional(w, "LineTwo", address.Line2);
            Optional(w, "LineThree", address.Line3);
            Optional(w, "CityName", address.City);
        }

        Text(w, "CountryID", address.CountryCode);
        if (!countryOnly)
        {
            Optional(w, "CountrySubDivisionName", address.Subdivision);
        }

        w.WriteEndElement();
    }

    private static void AllowanceCharge(CiiXmlWriter w, Context c, AllowanceCharge item, bool withTax)
    {
        w.WriteStartElement("ram", "SpecifiedTradeAllowanceCharge", Ram);
        Indicator(w, item.IsCharge);
        if (item.Percentage is { } percentage)
        {
            Text(w, "CalculationPercent", XmlValues.FormatDecimal(percentage));
        }

        if (item.BaseAmount is { } baseAmount)
        {
            Amount(w, c, "BasisAmount", baseAmount);
        }

        Amount(w, c, "ActualAmount", item.Amount);
        Optional(w, "ReasonCode", item.ReasonCode);
        Optional(w, "Reason", item.Reason);
        if (withTax && item.VatCategory is { } category)
        {
            w.WriteStartElement("ram", "CategoryTradeTax", Ram);
            Text(w, "TypeCode", "VAT");
            Text(w, "CategoryCode", category.Code());
            if (item.VatRate is { } rate)
            {
                Text(w, "RateApplicablePercent", XmlValues.FormatDecimal(rate));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Period(CiiXmlWriter w, InvoicePeriod period)
    {
        w.WriteStartElement("ram", "BillingSpecifiedPeriod", Ram);
        if (period.Start is { } start)
        {
            DateTime(w, "StartDateTime", start);
        }

        if (period.End is { } end)
        {
            DateTime(w, "EndDateTime", end);
        }

        w.WriteEndElement();
    }

    private static void Document(CiiXmlWriter w, string element, string id)
    {
        w.WriteStartElement("ram", element, Ram);
        Text(w, "IssuerAssignedID", id);
        w.WriteEndElement();
    }

    /// <summary>An additional referenced document: BT-17 (type 50) or BT-18 (type 130, scheme BT-18-1).</summary>
    private static void AdditionalDocument(CiiXmlWriter w, string id, string typeCode, string? referenceType)
    {
        w.WriteStartElement("ram", "AdditionalReferencedDocument", Ram);
        Text(w, "IssuerAssignedID", id);
        Text(w, "TypeCode", typeCode);
        Optional(w, "ReferenceTypeCode", referenceType);
        w.WriteEndElement();
    }

    private static void Indicator(CiiXmlWriter w, bool value)
    {
        w.WriteStartElement("ram", "ChargeIndicator", Ram);
        w.WriteStartElement("udt", "Indicator", Udt);
        w.WriteString(value ? "true" : "false");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void DateTime(CiiXmlWriter w, string element, LocalDate date)
    {
        w.WriteStartElement("ram", element, Ram);
        w.WriteStartElement("udt", "DateTimeString", Udt);
        w.WriteAttributeString("format", "102");
        w.WriteString(XmlValues.FormatDate102(date));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Quantity(CiiXmlWriter w, string element, decimal quantity, string? unitCode)
    {
        w.WriteStartElement("ram", element, Ram);
        if (unitCode is not null)
        {
            w.WriteAttributeString("unitCode", unitCode);
        }

        w.WriteString(XmlValues.FormatDecimal(quantity));
        w.WriteEndElement();
    }

    private static void Identified(CiiXmlWriter w, string element, Identifier id)
    {
        w.WriteStartElement("ram", element, Ram);
        if (id.Scheme is { } scheme)
        {
            w.WriteAttributeString("schemeID", scheme);
        }

        w.WriteString(id.Value);
        w.WriteEndElement();
    }

    private static void Amount(CiiXmlWriter w, Context c, string element, decimal amount) =>
        Text(w, element, XmlValues.FormatAmount(amount, c.Currency));

    private static void Text(CiiXmlWriter w, string element, string value)
    {
        w.WriteStartElement("ram", element, Ram);
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void Optional(CiiXmlWriter w, string element, string? value)
    {
        if (value is not null)
        {
            Text(w, element, value);
        }
    }
}
