using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <summary>
/// Maps a CII D16B document into the Core model as it streams past, without building a tree. Tolerant: elements are
/// matched by namespace and local name (any prefix), in any order, the first of a name wins where one is expected,
/// optional ones may be absent, values are trimmed. Strict where it matters: a missing mandatory element or a
/// malformed number, date or code is an <see cref="InvoiceFormatException"/> naming the field and the element path.
/// </summary>
internal sealed partial class CiiParser
{
    private readonly XmlCursor _cursor;
    private readonly string _rsm;
    private readonly string _ram;
    private readonly string _udt;
    private readonly string _qdt;

    private CiiParser(XmlCursor cursor)
    {
        _cursor = cursor;
        var names = cursor.NameTable;
        _rsm = names.Add(CiiNames.Rsm);
        _ram = names.Add(CiiNames.Ram);
        _udt = names.Add(CiiNames.Udt);
        _qdt = names.Add(CiiNames.Qdt);
    }

    /// <summary>Reads the document whose root element the cursor is on, then the rest of the input to its end.</summary>
    public static EInvoiceDocument Read(XmlCursor cursor) => new CiiParser(cursor).ReadRoot();

    private EInvoiceDocument ReadRoot()
    {
        Context? context = null;
        Header? header = null;
        Transaction? transaction = null;
        while (_cursor.ReadChild(0))
        {
            if (_cursor.NamespaceUri != _rsm)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ExchangedDocumentContext":
                    context ??= ReadContext();
                    break;
                case "ExchangedDocument":
                    header ??= ReadHeader();
                    break;
                case "SupplyChainTradeTransaction":
                    transaction ??= ReadTransaction();
                    break;
                default:
                    break;
            }
        }

        Required(context, 0, "ExchangedDocumentContext", "the document context (BG-2)");
        Required(header, 0, "ExchangedDocument", "the document header with the invoice number (BT-1)");
        Required(transaction, 0, "SupplyChainTradeTransaction", "the trade transaction (BG-25)");
        _cursor.ReadToEnd();

        var (agreement, delivery, settlement) = (transaction!.Agreement, transaction.Delivery, transaction.Settlement);
        var invoice = new Invoice
        {
            Number = header!.Number,
            Type = header.Type,
            IssueDate = header.IssueDate,
            Currency = settlement.Currency,
            VatAccountingCurrency = settlement.TaxCurrency,
            VatTotalInAccountingCurrency = settlement.VatTotalInAccountingCurrency,
            VatPointDate = settlement.VatPointDate,
            VatDueDateType = settlement.VatDueDateType,
            DueDate = settlement.DueDate,
            BuyerReference = agreement.BuyerReference,
            ProjectReference = agreement.ProjectReference,
            ContractReference = agreement.ContractReference,
            TenderOrLotReference = agreement.TenderOrLotReference,
            InvoicedObjectIdentifier = agreement.InvoicedObjectIdentifier,
            SupportingDocuments = agreement.SupportingDocuments?.ToValueList(),
            PurchaseOrderReference = agreement.PurchaseOrderReference,
            SalesOrderReference = agreement.SalesOrderReference,
            ReceivingAdviceReference = delivery?.ReceivingAdviceReference,
            DespatchAdviceReference = delivery?.DespatchAdviceReference,
            BuyerAccountingReference = settlement.BuyerAccountingReference,
            PaymentTerms = settlement.PaymentTerms,
            Notes = header.Notes.ToValueList(),
            BusinessProcessType = context!.BusinessProcess,
            PrecedingInvoices = settlement.PrecedingInvoices.ToValueList(),
            Seller = agreement.Seller,
            Buyer = agreement.Buyer,
            Payee = settlement.Payee,
            SellerTaxRepresentative = agreement.TaxRepresentative,
            Delivery = delivery?.Delivery,
            InvoicingPeriod = settlement.InvoicingPeriod,
            PaymentInstructions = settlement.PaymentInstructions,
            AllowancesCharges = settlement.AllowancesCharges.ToValueList(),
            VatExemptions = settlement.VatExemptions.ToValueList(),
            PrepaidAmount = settlement.Totals.PrepaidAmount,
            RoundingAmount = settlement.Totals.RoundingAmount,
            Lines = transaction.Lines.Select(l => l.Line).ToValueList(),
        };

        var stated = settlement.Totals with { LineNetAmounts = transaction.Lines.Select(l => l.StatedNet).ToValueList() };
        var profile = FacturXProfiles.TryFromGuidelineId(context.Specification, out var p) ? p : (FacturXProfile?)null;
        return new EInvoiceDocument(invoice, EInvoiceSyntax.Cii, profile, context.Specification, stated);
    }

    private Context ReadContext()
    {
        var depth = _cursor.Depth;
        string? specification = null;
        string? businessProcess = null;
        var hasGuideline = false;
        var hasProcess = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "GuidelineSpecifiedDocumentContextParameter" when !hasGuideline:
                    hasGuideline = true;
                    var guidelineDepth = _cursor.Depth;
                    specification = Required(ChildText("ID"), guidelineDepth, "ID", "the specification identifier (BT-24)");
                    break;
                case "BusinessProcessSpecifiedDocumentContextParameter" when !hasProcess:
                    hasProcess = true;
                    businessProcess = Value(ChildText("ID"));
                    break;
                default:
                    break;
            }
        }

        return new Context(
            specification ?? throw _cursor.Error(depth, MissingMessage("the specification identifier (BT-24)", 0), "GuidelineSpecifiedDocumentContextParameter"),
            businessProcess);
    }

    private Header ReadHeader()
    {
        var depth = _cursor.Depth;
        string? number = null, typeCode = null;
        LocalDate? issueDate = null;
        var hasIssueDate = false;
        var notes = new List<InvoiceNote>();
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ID":
                    number ??= Text();
                    break;
                case "TypeCode":
                    typeCode ??= Text();
                    break;
                case "IssueDateTime" when !hasIssueDate:
                    hasIssueDate = true;
                    issueDate = ReadDate("the issue date (BT-2)");
                    break;
                case "IncludedNote":
                    if (ReadNote() is { } note)
                    {
                        notes.Add(note);
                    }

                    break;
                default:
                    break;
            }
        }

        var invoiceNumber = Required(number, depth, "ID", "the invoice number (BT-1)");
        var code = Required(typeCode, depth, "TypeCode", "the invoice type code (BT-3)");
        var type = int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1000
            ? (DocumentType)value
            : throw BadCode(depth, "TypeCode", code, "the invoice type code (BT-3)", "the UNTDID 1001 document types (380, 381...)");
        return new Header(
            invoiceNumber,
            type,
            issueDate ?? throw _cursor.Error(depth, MissingMessage("the issue date (BT-2)", 0), "IssueDateTime"),
            notes);
    }

    private InvoiceNote? ReadNote()
    {
        string? subject = null;
        var content = ReadContents(ref subject);
        return content is null ? null : new InvoiceNote(content, Value(subject));
    }

    /// <summary>The non-empty <c>Content</c> children of a note, joined by line breaks; and its first <c>SubjectCode</c>.</summary>
    private string? ReadContents(ref string? subject)
    {
        var depth = _cursor.Depth;
        List<string>? parts = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "Content":
                    var text = Text();
                    if (text.Length > 0)
                    {
                        (parts ??= []).Add(text);
                    }

                    break;
                case "SubjectCode":
                    subject ??= Text();
                    break;
                default:
                    break;
            }
        }

        return parts is null ? null : string.Join("\n", parts);
    }

    private Transaction ReadTransaction()
    {
        var depth = _cursor.Depth;
        var lines = new List<(InvoiceLine Line, decimal StatedNet)>();
        Agreement? agreement = null;
        HeaderDelivery? delivery = null;
        Settlement? settlement = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "IncludedSupplyChainTradeLineItem":
                    lines.Add(ReadLine(lines.Count + 1));
                    break;
                case "ApplicableHeaderTradeAgreement":
                    agreement ??= ReadAgreement();
                    break;
                case "ApplicableHeaderTradeDelivery":
                    delivery ??= ReadHeaderDelivery();
                    break;
                case "ApplicableHeaderTradeSettlement":
                    settlement ??= ReadSettlement();
                    break;
                default:
                    break;
            }
        }

        return new Transaction(
            lines,
            Required(agreement, depth, "ApplicableHeaderTradeAgreement", "the trade agreement with the seller and the buyer (BG-4, BG-7)"),
            delivery,
            Required(settlement, depth, "ApplicableHeaderTradeSettlement", "the trade settlement with the currency and the totals (BG-22)"));
    }

    private Agreement ReadAgreement()
    {
        var depth = _cursor.Depth;
        string? buyerReference = null, project = null, contract = null, purchaseOrder = null, salesOrder = null, tender = null;
        Identifier? invoicedObject = null;
        List<SupportingDocument>? supporting = null;
        Party? seller = null, buyer = null;
        TaxRepresentative? representative = null;
        bool hasProject = false, hasContract = false, hasPurchaseOrder = false, hasSalesOrder = false, hasRepresentative = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "BuyerReference":
                    buyerReference ??= Text();
                    break;
                case "SellerTradeParty":
                    seller ??= ReadParty("the seller name (BT-27)", "the seller country code (BT-40)", isSeller: true);
                    break;
                case "BuyerTradeParty":
                    buyer ??= ReadParty("the buyer name (BT-44)", "the buyer country code (BT-55)");
                    break;
                case "SellerTaxRepresentativeTradeParty" when !hasRepresentative:
                    hasRepresentative = true;
                    representative = ReadTaxRepresentative();
                    break;
                case "SellerOrderReferencedDocument" when !hasSalesOrder:
                    hasSalesOrder = true;
                    salesOrder = ChildText("IssuerAssignedID");
                    break;
                case "BuyerOrderReferencedDocument" when !hasPurchaseOrder:
                    hasPurchaseOrder = true;
                    purchaseOrder = ChildText("IssuerAssignedID");
                    break;
                case "ContractReferencedDocument" when !hasContract:
                    hasContract = true;
                    contract = ChildText("IssuerAssignedID");
                    break;
                case "SpecifiedProcuringProject" when !hasProject:
                    hasProject = true;
                    project = ChildText("ID");
                    break;
                case "AdditionalReferencedDocument":
                    ReadAdditionalDocument(ref tender, ref invoicedObject, ref supporting);
                    break;
                default:
                    break;
            }
        }

        return new Agreement(
            Value(buyerReference),
            Value(project),
            Value(contract),
            tender,
            invoicedObject,
            supporting,
            Value(purchaseOrder),
            Value(salesOrder),
            Required(seller, depth, "SellerTradeParty", "the seller (BG-4)"),
            Required(buyer, depth, "BuyerTradeParty", "the buyer (BG-7)"),
            representative);
    }

    /// <summary>
    /// An additional referenced document: the first of type 50 is the tender or lot reference (BT-17), the first of
    /// type 130 the invoiced object (BT-18, its reference type code the scheme), every one of type 916 a supporting
    /// document (BG-24; its attached binary object, BT-125, is not kept).
    /// </summary>
    private void ReadAdditionalDocument(ref string? tender, ref Identifier? invoicedObject, ref List<SupportingDocument>? supporting)
    {
        var depth = _cursor.Depth;
        string? typeCode = null, id = null, referenceType = null, name = null, uri = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "TypeCode":
                    typeCode ??= Text();
                    break;
                case "IssuerAssignedID":
                    id ??= Text();
                    break;
                case "ReferenceTypeCode":
                    referenceType ??= Text();
                    break;
                case "Name":
                    name ??= Text();
                    break;
                case "URIID":
                    uri ??= Text();
                    break;
                default:
                    break;
            }
        }

        switch (typeCode)
        {
            case "50" when tender is null:
                tender = Required(id, depth, "IssuerAssignedID", "the tender or lot reference (BT-17)");
                break;
            case "130" when invoicedObject is null:
                invoicedObject = new Identifier(Required(id, depth, "IssuerAssignedID", "the invoiced object identifier (BT-18)"), Value(referenceType));
                break;
            case "916":
                (supporting ??= []).Add(new SupportingDocument(Required(id, depth, "IssuerAssignedID", "the supporting document reference (BT-122)"), Value(name), Value(uri)));
                break;
            default:
                break;
        }
    }

    private HeaderDelivery ReadHeaderDelivery()
    {
        var depth = _cursor.Depth;
        string? receivingAdvice = null, despatchAdvice = null;
        ShipTo? shipTo = null;
        LocalDate? date = null;
        bool hasEvent = false, hasReceiving = false, hasDespatch = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ShipToTradeParty":
                    shipTo ??= ReadShipTo();
                    break;
                case "ActualDeliverySupplyChainEvent" when !hasEvent:
                    hasEvent = true;
                    date = ReadDeliveryEvent();
                    break;
                case "ReceivingAdviceReferencedDocument" when !hasReceiving:
                    hasReceiving = true;
                    receivingAdvice = ChildText("IssuerAssignedID");
                    break;
                case "DespatchAdviceReferencedDocument" when !hasDespatch:
                    hasDespatch = true;
                    despatchAdvice = ChildText("IssuerAssignedID");
                    break;
                default:
                    break;
            }
        }

        Delivery? delivery = null;
        if (shipTo is not null || date is not null)
        {
            var result = new Delivery { PartyName = shipTo?.Name, LocationId = shipTo?.Location, Date = date, Address = shipTo?.Address };
            delivery = result == new Delivery() ? null : result;
        }

        return new HeaderDelivery(delivery, Value(receivingAdvice), Value(despatchAdvice));
    }

    private LocalDate? ReadDeliveryEvent()
    {
        var depth = _cursor.Depth;
        LocalDate? date = null;
        var hasDate = false;
        while (_cursor.ReadChild(depth))
        {
            if (!hasDate && IsRam && _cursor.LocalName == "OccurrenceDateTime")
            {
                hasDate = true;
                date = ReadDate("the actual delivery date (BT-72)");
            }
        }

        return date;
    }

    private sealed record Context(string Specification, string? BusinessProcess);

    private sealed record Header(string Number, DocumentType Type, LocalDate IssueDate, List<InvoiceNote> Notes);

    private sealed record Transaction(List<(InvoiceLine Line, decimal StatedNet)> Lines, Agreement Agreement, HeaderDelivery? Delivery, Settlement Settlement);

    private sealed record Agreement(
        string? BuyerReference,
        string? ProjectReference,
        string? ContractReference,
        string? TenderOrLotReference,
        Identifier? InvoicedObjectIdentifier,
        List<SupportingDocument>? SupportingDocuments,
        string? PurchaseOrderReference,
        string? SalesOrderReference,
        Party Seller,
        Party Buyer,
        TaxRepresentative? TaxRepresentative);

    private sealed record HeaderDelivery(Delivery? Delivery, string? ReceivingAdviceReference, string? DespatchAdviceReference);
}
