using System.Globalization;
using System.Xml;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>Writes one UBL document, element by element in the order of the UBL 2.1 XSD sequences.</summary>
internal sealed class UblDocumentWriter(XmlWriter xml, Invoice invoice, InvoiceTotals totals)
{
    private const string Cac = UblNames.Cac;
    private const string Cbc = UblNames.Cbc;
    private readonly bool _creditNote = invoice.Type.IsCreditNote();
    private readonly Currency _currency = invoice.Currency;

    public void Write()
    {
        var root = _creditNote ? "CreditNote" : "Invoice";
        xml.WriteStartDocument();
        xml.WriteStartElement(root, _creditNote ? UblNames.CreditNoteNamespace : UblNames.InvoiceNamespace);
        xml.WriteAttributeString("xmlns", "cac", null, Cac);
        xml.WriteAttributeString("xmlns", "cbc", null, Cbc);
        Text("CustomizationID", UblCustomization.SpecificationId(invoice));
        Text("ProfileID", UblCustomization.ProfileId(invoice));
        Text("ID", invoice.Number);
        Date("IssueDate", invoice.IssueDate);
        if (!_creditNote)
        {
            Date("DueDate", invoice.DueDate);
        }
        else
        {
            Date("TaxPointDate", invoice.VatPointDate);
        }

        Text(_creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", ((int)invoice.Type).ToString(CultureInfo.InvariantCulture));
        foreach (var note in invoice.Notes)
        {
            Text("Note", note.SubjectCode is null ? note.Text : $"#{note.SubjectCode}#{note.Text}");
        }

        if (!_creditNote)
        {
            Date("TaxPointDate", invoice.VatPointDate);
        }

        Text("DocumentCurrencyCode", _currency.Code);
        Text("TaxCurrencyCode", invoice.VatAccountingCurrency?.Code);
        Text("AccountingCost", invoice.BuyerAccountingReference);
        Text("BuyerReference", invoice.BuyerReference);
        Period(invoice.InvoicingPeriod, invoice.VatDueDateType);
        if (invoice.PurchaseOrderReference is not null || invoice.SalesOrderReference is not null)
        {
            Start("OrderReference");
            Text("ID", invoice.PurchaseOrderReference ?? "NA");
            Text("SalesOrderID", invoice.SalesOrderReference);
            End();
        }

        foreach (var preceding in invoice.PrecedingInvoices)
        {
            Start("BillingReference");
            Start("InvoiceDocumentReference");
            Text("ID", preceding.Number);
            Date("IssueDate", preceding.IssueDate);
            End();
            End();
        }

        IdReference("DespatchDocumentReference", invoice.DespatchAdviceReference);
        IdReference("ReceiptDocumentReference", invoice.ReceivingAdviceReference);
        // BT-17 is the originator document reference; the XSD places it before the contract in an Invoice and
        // after the additional documents in a CreditNote.
        if (!_creditNote)
        {
            IdReference("OriginatorDocumentReference", invoice.TenderOrLotReference);
        }

        IdReference("ContractDocumentReference", invoice.ContractReference);
        foreach (var document in invoice.SupportingDocuments ?? ValueList<SupportingDocument>.Empty)
        {
            // BG-24: no type code (50 and 130 are BT-17 and BT-18), a description and an external location.
            Start("AdditionalDocumentReference");
            Text("ID", document.Id);
            Text("DocumentDescription", document.Description);
            if (document.ExternalLocation is not null)
            {
                Start("Attachment");
                Start("ExternalReference");
                Text("URI", document.ExternalLocation);
                End();
                End();
            }

            End();
        }

        if (invoice.InvoicedObjectIdentifier is { } invoicedObject)
        {
            // BT-18: a document reference of type 130 whose scheme (BT-18-1) is the identifier's.
            Start("AdditionalDocumentReference");
            xml.WriteStartElement("cbc", "ID", Cbc);
            if (invoicedObject.Scheme is not null)
            {
                xml.WriteAttributeString("schemeID", invoicedObject.Scheme);
            }

            xml.WriteString(invoicedObject.Value);
            xml.WriteEndElement();
            Text("DocumentTypeCode", "130");
            End();
        }

        if (invoice.ProjectReference is not null)
        {
            if (_creditNote)
            {
                // A UBL credit note has no ProjectReference: Peppol carries BT-11 as a document reference of type 50.
                Start("AdditionalDocumentReference");
                Text("ID", invoice.ProjectReference);
                Text("DocumentTypeCode", "50");
                End();
            }
            else
            {
                IdReference("ProjectReference", invoice.ProjectReference);
            }
        }

        if (_creditNote)
        {
            IdReference("OriginatorDocumentReference", invoice.TenderOrLotReference);
        }

        Start("AccountingSupplierParty");
        Party(invoice.Seller, seller: true);
        End();
        Start("AccountingCustomerParty");
        Party(invoice.Buyer, seller: false);
        End();
        if (invoice.Payee is { } payee)
        {
            Payee(payee);
        }

        if (invoice.SellerTaxRepresentative is { } representative)
        {
            TaxRepresentative(representative);
        }

        if (invoice.Delivery is { } delivery)
        {
            Delivery(delivery);
        }

        if (invoice.PaymentInstructions is { } payment)
        {
            PaymentMeans(payment);
        }

        // A credit note has no DueDate: BT-9 goes with the payment means, or with the payment terms when there are none.
        var dueDateInTerms = _creditNote && invoice.PaymentInstructions is null && invoice.DueDate is not null;
        if (invoice.PaymentTerms is not null || dueDateInTerms)
        {
            Start("PaymentTerms");
            Text("Note", invoice.PaymentTerms);
            if (dueDateInTerms)
            {
                Date("PaymentDueDate", invoice.DueDate);
            }

            End();
        }

        foreach (var item in invoice.AllowancesCharges)
        {
            AllowanceCharge(item, documentLevel: true);
        }

        TaxTotal();
        LegalMonetaryTotal();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            Line(invoice.Lines[i], totals.LineNetAmounts[i]);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private void Period(InvoicePeriod? period, VatDueDateType? dueDateType)
    {
        if (period is null && dueDateType is null)
        {
            return;
        }

        Start("InvoicePeriod");
        Date("StartDate", period?.Start);
        Date("EndDate", period?.End);
        if (dueDateType is { } type)
        {
            Text("DescriptionCode", UblCodes.VatDueDateCode(type));
        }

        End();
    }

    private void Party(Party party, bool seller)
    {
        Start("Party");
        Id("EndpointID", party.ElectronicAddress);
        foreach (var id in party.Identifiers)
        {
            Start("PartyIdentification");
            Id("ID", id);
            End();
        }

        if (seller && invoice.PaymentInstructions?.DirectDebit?.CreditorId is { } creditor)
        {
            // BT-90 travels as a seller identifier with scheme SEPA in UBL.
            Start("PartyIdentification");
            Id("ID", new Identifier(creditor, "SEPA"));
            End();
        }

        if (party.TradingName is not null)
        {
            Start("PartyName");
            Text("Name", party.TradingName);
            End();
        }

        Address("PostalAddress", party.Address);
        TaxScheme(party.VatId, "VAT");
        if (seller)
        {
            TaxScheme(party.TaxRegistrationId, "TAX");
        }

        Start("PartyLegalEntity");
        Text("RegistrationName", party.Name);
        Id("CompanyID", party.LegalId);
        if (seller)
        {
            Text("CompanyLegalForm", party.AdditionalLegalInfo);
        }

        End();
        if (party.Contact is { } contact)
        {
            Start("Contact");
            Text("Name", contact.Name);
            Text("Telephone", contact.Phone);
            Text("ElectronicMail", contact.Email);
            End();
        }

        End();
    }

    private void TaxScheme(string? companyId, string scheme)
    {
        if (companyId is null)
        {
            return;
        }

        Start("PartyTaxScheme");
        Text("CompanyID", companyId);
        Start("TaxScheme");
        Text("ID", scheme);
        End();
        End();
    }

    private void Payee(Party payee)
    {
        Start("PayeeParty");
        foreach (var id in payee.Identifiers)
        {
            Start("PartyIdentification");
            Id("ID", id);
            End();
        }

        Start("PartyName");
        Text("Name", payee.Name);
        End();
        if (payee.LegalId is { } legal)
        {
            Start("PartyLegalEntity");
            Id("CompanyID", legal);
            End();
        }

        End();
    }

    /// <summary>BG-11 as <c>cac:TaxRepresentativeParty</c>, in the UBL PartyType order: name, address, VAT id.</summary>
    private void TaxRepresentative(TaxRepresentative representative)
    {
        Start("TaxRepresentativeParty");
        Start("PartyName");
        Text("Name", representative.Name);
        End();
        Address("PostalAddress", representative.Address);
        TaxScheme(representative.VatId, "VAT");
        End();
    }

    private void Address(string element, PostalAddress? address)
    {
        if (address is null)
        {
            return;
        }

        Start(element);
        Text("StreetName", address.Line1);
        Text("AdditionalStreetName", address.Line2);
        Text("CityName", address.City);
        Text("PostalZone", address.PostCode);
        Text("CountrySubentity", address.Subdivision);
        if (address.Line3 is not null)
        {
            Start("AddressLine");
            Text("Line", address.Line3);
            End();
        }

        Start("Country");
        Text("IdentificationCode", address.CountryCode);
        End();
        End();
    }

    private void Delivery(Delivery delivery)
    {
        Start("Delivery");
        Date("ActualDeliveryDate", delivery.Date);
        if (delivery.LocationId is not null || delivery.Address is not null)
        {
            Start("DeliveryLocation");
            Id("ID", delivery.LocationId);
            Address("Address", delivery.Address);
            End();
        }

        if (delivery.PartyName is not null)
        {
            Start("DeliveryParty");
            Start("PartyName");
            Text("Name", delivery.PartyName);
            End();
            End();
        }

        End();
    }

    private void PaymentMeans(PaymentInstructions payment)
    {
        // One PaymentMeans per account; the means code and remittance information repeat on each, the means text
        // (BT-82) goes on the first only (UBL-SR-46: the name attribute occurs at most once).
        var accounts = payment.CreditTransfers.Count;
        for (var i = 0; i < Math.Max(1, accounts); i++)
        {
            Start("PaymentMeans");
            xml.WriteStartElement("cbc", "PaymentMeansCode", Cbc);
            if (i == 0 && payment.MeansText is not null)
            {
                xml.WriteAttributeString("name", payment.MeansText);
            }

            xml.WriteString(payment.MeansCode);
            xml.WriteEndElement();
            if (_creditNote)
            {
                Date("PaymentDueDate", invoice.DueDate);
            }

            Text("PaymentID", payment.RemittanceInformation);
            if (i == 0 && payment.Card is { } card)
            {
                Start("CardAccount");
                Text("PrimaryAccountNumberID", card.PrimaryAccountNumber);
                Text("NetworkID", "NA");
                Text("HolderName", card.HolderName);
                End();
            }

            if (i < accounts)
            {
                var account = payment.CreditTransfers[i];
                Start("PayeeFinancialAccount");
                Text("ID", account.AccountId);
                Text("Name", account.AccountName);
                if (account.ServiceProviderId is not null)
                {
                    Start("FinancialInstitutionBranch");
                    Text("ID", account.ServiceProviderId);
                    End();
                }

                End();
            }

            if (i == 0 && payment.DirectDebit is { } debit)
            {
                Start("PaymentMandate");
                Text("ID", debit.MandateReference);
                if (debit.DebitedAccountId is not null)
                {
                    Start("PayerFinancialAccount");
                    Text("ID", debit.DebitedAccountId);
                    End();
                }

                End();
            }

            End();
        }
    }

    private void AllowanceCharge(AllowanceCharge item, bool documentLevel)
    {
        Start("AllowanceCharge");
        Text("ChargeIndicator", item.IsCharge ? "true" : "false");
        Text("AllowanceChargeReasonCode", item.ReasonCode);
        Text("AllowanceChargeReason", item.Reason);
        Decimal("MultiplierFactorNumeric", item.Percentage);
        Amount("Amount", item.Amount);
        Amount("BaseAmount", item.BaseAmount);
        if (documentLevel && item.VatCategory is { } category)
        {
            TaxCategory("TaxCategory", category, item.VatRate, null, null);
        }

        End();
    }

    private void TaxCategory(string element, VatCategory category, decimal? rate, string? exemptionCode, string? exemption)
    {
        Start(element);
        Text("ID", category.Code());
        if (category != VatCategory.O)
        {
            Decimal("Percent", rate ?? 0m);
        }

        Text("TaxExemptionReasonCode", exemptionCode);
        Text("TaxExemptionReason", exemption);
        Start("TaxScheme");
        Text("ID", "VAT");
        End();
        End();
    }

    private void TaxTotal()
    {
        Start("TaxTotal");
        Amount("TaxAmount", totals.VatTotal);
        foreach (var row in totals.VatBreakdown)
        {
            Start("TaxSubtotal");
            Amount("TaxableAmount", row.TaxableAmount);
            Amount("TaxAmount", row.TaxAmount);
            TaxCategory("TaxCategory", row.Category, row.Rate, row.ExemptionReasonCode, row.ExemptionReason);
            End();
        }

        End();
        if (invoice.VatAccountingCurrency is { } accounting && invoice.VatTotalInAccountingCurrency is { } vat)
        {
            Start("TaxTotal");
            Amount("TaxAmount", vat, accounting);
            End();
        }
    }

    private void LegalMonetaryTotal()
    {
        Start("LegalMonetaryTotal");
        Amount("LineExtensionAmount", totals.LineNetTotal);
        Amount("TaxExclusiveAmount", totals.TaxExclusiveAmount);
        Amount("TaxInclusiveAmount", totals.TaxInclusiveAmount);
        Amount("AllowanceTotalAmount", totals.AllowanceTotal);
        Amount("ChargeTotalAmount", totals.ChargeTotal);
        Amount("PrepaidAmount", totals.PrepaidAmount);
        Amount("PayableRoundingAmount", totals.RoundingAmount);
        Amount("PayableAmount", totals.AmountDue);
        End();
    }

    private void Line(InvoiceLine line, decimal net)
    {
        Start(_creditNote ? "CreditNoteLine" : "InvoiceLine");
        Text("ID", line.Id);
        Text("Note", line.Note);
        xml.WriteStartElement("cbc", _creditNote ? "CreditedQuantity" : "InvoicedQuantity", Cbc);
        xml.WriteAttributeString("unitCode", line.UnitCode);
        xml.WriteString(XmlValues.FormatDecimal(line.Quantity));
        xml.WriteEndElement();
        Amount("LineExtensionAmount", net);
        Text("AccountingCost", line.AccountingReference);
        if (line.Period is { } period)
        {
            Period(period, null);
        }

        if (line.PurchaseOrderLineReference is not null)
        {
            Start("OrderLineReference");
            Text("LineID", line.PurchaseOrderLineReference);
            End();
        }

        foreach (var item in line.AllowancesCharges)
        {
            AllowanceCharge(item, documentLevel: false);
        }

        Start("Item");
        Text("Description", line.Description);
        Text("Name", line.ItemName);
        ItemId("BuyersItemIdentification", line.BuyerItemId is null ? null : new Identifier(line.BuyerItemId));
        ItemId("SellersItemIdentification", line.SellerItemId is null ? null : new Identifier(line.SellerItemId));
        ItemId("StandardItemIdentification", line.StandardItemId);
        if (line.OriginCountryCode is not null)
        {
            Start("OriginCountry");
            Text("IdentificationCode", line.OriginCountryCode);
            End();
        }

        foreach (var classification in line.ClassificationIds)
        {
            Start("CommodityClassification");
            xml.WriteStartElement("cbc", "ItemClassificationCode", Cbc);
            if (classification.Scheme is not null)
            {
                xml.WriteAttributeString("listID", classification.Scheme);
            }

            xml.WriteString(classification.Value);
            xml.WriteEndElement();
            End();
        }

        TaxCategory("ClassifiedTaxCategory", line.VatCategory, line.VatRate, null, null);
        foreach (var attribute in line.ItemAttributes ?? ValueList<ItemAttribute>.Empty)
        {
            Start("AdditionalItemProperty");
            Text("Name", attribute.Name);
            Text("Value", attribute.Value);
            End();
        }

        End();
        Start("Price");
        xml.WriteStartElement("cbc", "PriceAmount", Cbc);
        xml.WriteAttributeString("currencyID", _currency.Code);
        xml.WriteString(XmlValues.FormatDecimal(line.NetPrice));
        xml.WriteEndElement();
        if (line.BaseQuantity is { } baseQuantity)
        {
            xml.WriteStartElement("cbc", "BaseQuantity", Cbc);
            if (line.BaseQuantityUnitCode is not null)
            {
                xml.WriteAttributeString("unitCode", line.BaseQuantityUnitCode);
            }

            xml.WriteString(XmlValues.FormatDecimal(baseQuantity));
            xml.WriteEndElement();
        }

        if (line.GrossPrice is not null || line.PriceDiscount is not null)
        {
            Start("AllowanceCharge");
            Text("ChargeIndicator", "false");
            PriceAmount("Amount", line.PriceDiscount ?? 0m);
            if (line.GrossPrice is { } gross)
            {
                PriceAmount("BaseAmount", gross);
            }

            End();
        }

        End();
        End();
    }

    private void ItemId(string element, Identifier? id)
    {
        if (id is null)
        {
            return;
        }

        Start(element);
        Id("ID", id);
        End();
    }

    private void IdReference(string element, string? id)
    {
        if (id is null)
        {
            return;
        }

        Start(element);
        Text("ID", id);
        End();
    }

    private void Start(string name) => xml.WriteStartElement("cac", name, Cac);

    private void End() => xml.WriteEndElement();

    private void Text(string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString("cbc", name, Cbc, value);
        }
    }

    private void Date(string name, NodaTime.LocalDate? date)
    {
        if (date is { } value)
        {
            xml.WriteElementString("cbc", name, Cbc, XmlValues.FormatIsoDate(value));
        }
    }

    private void Decimal(string name, decimal? value)
    {
        if (value is { } v)
        {
            xml.WriteElementString("cbc", name, Cbc, XmlValues.FormatDecimal(v));
        }
    }

    private void Amount(string name, decimal? amount) => Amount(name, amount, _currency);

    private void Amount(string name, decimal? amount, Currency currency)
    {
        if (amount is not { } value)
        {
            return;
        }

        xml.WriteStartElement("cbc", name, Cbc);
        xml.WriteAttributeString("currencyID", currency.Code);
        xml.WriteString(XmlValues.FormatAmount(value, currency));
        xml.WriteEndElement();
    }

    /// <summary>Price amounts (BT-147, BT-148) keep their digits: a unit price may be finer than the minor unit.</summary>
    private void PriceAmount(string name, decimal value)
    {
        xml.WriteStartElement("cbc", name, Cbc);
        xml.WriteAttributeString("currencyID", _currency.Code);
        xml.WriteString(XmlValues.FormatDecimal(value));
        xml.WriteEndElement();
    }

    private void Id(string name, Identifier? id)
    {
        if (id is not { } value)
        {
            return;
        }

        xml.WriteStartElement("cbc", name, Cbc);
        if (value.Scheme is not null)
        {
            xml.WriteAttributeString("schemeID", value.Scheme);
        }

        xml.WriteString(value.Value);
        xml.WriteEndElement();
    }
}
