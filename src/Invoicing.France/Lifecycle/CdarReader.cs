using System.Globalization;
using System.Xml.Linq;
using Invoicing.Core;
using NodaTime;
using NodaTime.Text;
using static Invoicing.France.CdarNames;

namespace Invoicing.France;

/// <summary>
/// Reads a lifecycle status message (CDAR D22B, French profile) received from a platform. The XML is read securely (no
/// DTD, no external entity, size and depth limits); a missing mandatory element, a malformed date or amount, or a code
/// outside the French lists is refused with the rule and the element.
/// </summary>
public static class CdarReader
{
    private static readonly string[] Guidelines = [CdarMessage.Guideline, "urn.cpro.gouv.fr:1p0:CDV:einvoicingF2"];
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly InstantPattern DateTimePattern = InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss");

    /// <summary>Reads a message from bytes.</summary>
    /// <exception cref="InvoiceFormatException">See <see cref="Read(Stream)"/>.</exception>
    public static CdarMessage Read(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(xml, writable: false);
        return Read(stream);
    }

    /// <summary>Reads a message from a stream (UTF-8 or UTF-16, with or without BOM).</summary>
    /// <exception cref="InvoiceFormatException">
    /// Not well-formed XML, a DTD, too large or too deep, not a CDAR message, a mandatory element missing, or a date,
    /// amount or code that the French rules do not allow; the message names the rule and the path the element.
    /// </exception>
    public static CdarMessage Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var root = CdarXml.Load(xml);
        if (root.Name != CdarNames.Root)
        {
            throw new InvoiceFormatException(
                $"This is not a lifecycle status message: its root element is {root.Name.LocalName} in the namespace '{root.Name.NamespaceName}', where a CrossDomainAcknowledgementAndResponse in '{Rsm.NamespaceName}' was expected (FR-CDAR-ROOT).",
                "/" + root.Name.LocalName);
        }

        var context = Required(root, Rsm + "ExchangedDocumentContext", "BR-FR-CDV-01", "the document context");
        var guideline = Required(Required(context, Ram + "GuidelineSpecifiedDocumentContextParameter", "BR-FR-CDV-01", "the guideline (MDG-3)"), Ram + "ID", "BR-FR-CDV-01", "the guideline's identifier (MDT-3)");
        if (!Guidelines.Contains(guideline.Value))
        {
            throw Error(guideline, $"The guideline '{guideline.Value}' is not a French lifecycle status guideline ({string.Join(", ", Guidelines)}) (BR-FR-CDV-02).");
        }

        var document = Required(root, Rsm + "ExchangedDocument", "BR-FR-CDV-03", "the exchanged document");
        var reports = new List<InvoiceStatusReport>();
        var acknowledgements = root.Elements(Rsm + "AcknowledgementDocument").ToList();
        if (acknowledgements.Count == 0)
        {
            throw Error(root, "The message has no acknowledgement document, so no status (FR-CDAR-REPORTS).");
        }

        foreach (var acknowledgement in acknowledgements)
        {
            var type = Required(acknowledgement, Ram + "TypeCode", "BR-FR-CDV-09", "the acknowledgement's type code (MDT-77)");
            if (type.Value is not ("23" or "305"))
            {
                throw Error(type, $"The acknowledgement's type code is '{type.Value}'; it is 23 (processing) or 305 (transmission) (BR-FR-CDV-09).");
            }

            reports.AddRange(acknowledgement.Elements(Ram + "ReferenceReferencedDocument").Select(Report));
        }

        if (reports.Count == 0)
        {
            throw Error(acknowledgements[0], "The acknowledgement references no invoice (FR-CDAR-REPORTS).");
        }

        var recipients = document.Elements(Ram + "RecipientTradeParty").Select(Party).ToList();
        if (recipients.Count == 0)
        {
            throw Error(document, "The message names no recipient (MDT-59) (FR-CDAR-RECIPIENT).");
        }

        return new CdarMessage
        {
            MessageId = Text(Required(document, Ram + "ID", "BR-FR-CDV-03", "the message identifier (MDT-4)")),
            IssuedAt = DateTime(Required(document, Ram + "IssueDateTime", "BR-FR-CDV-04", "the message's issue date and time (MDG-4)")),
            BusinessProcess = context.Element(Ram + "BusinessProcessSpecifiedDocumentContextParameter")?.Element(Ram + "ID")?.Value ?? "REGULATED",
            Sender = Party(Required(document, Ram + "SenderTradeParty", "BR-FR-CDV-05", "the sender (MDG-9)")),
            Issuer = Party(Required(document, Ram + "IssuerTradeParty", "BR-FR-CDV-07", "the issuer (MDT-40)")),
            Recipients = recipients,
            Reports = reports,
        };
    }

    private static InvoiceStatusReport Report(XElement reference)
    {
        var code = Required(reference, Ram + "ProcessConditionCode", "BR-FR-CDV-12", "the status code (MDT-105)");
        if (!LifecycleStatuses.TryParse(code.Value, out var status))
        {
            throw Error(code, $"'{code.Value}' is not a lifecycle status code of the French list (BR-FR-CDV-CL-06).");
        }

        var details = reference.Elements(Ram + "SpecifiedDocumentStatus").ToList();
        var typeCode = reference.Element(Ram + "TypeCode");
        return new InvoiceStatusReport
        {
            InvoiceNumber = Text(Required(reference, Ram + "IssuerAssignedID", "BR-FR-CDV-10", "the invoice number (MDT-87)")),
            InvoiceIssueDate = reference.Element(Ram + "FormattedIssueDateTime") is { } formatted ? Date(Required(formatted, Qdt + "DateTimeString", "BR-FR-CDV-11", "the invoice's issue date")) : null,
            DocumentTypeCode = typeCode is null ? null : Text(typeCode),
            Status = status,
            Seller = reference.Element(Ram + "IssuerTradeParty") is { } seller ? Party(seller) : null,
            Reasons = details.Select(Reason).OfType<StatusReason>().ToList(),
            Amounts = details.SelectMany(d => d.Elements(Ram + "SpecifiedDocumentCharacteristic")).Select(Amount).ToList(),
        };
    }

    private static StatusReason? Reason(XElement detail)
    {
        var code = detail.Element(Ram + "ReasonCode");
        if (code is not null && !StatusReasonCodes.IsListed(code.Value))
        {
            throw Error(code, $"'{code.Value}' is not a reason code of the French list (BR-FR-CDV-CL-09).");
        }

        var text = detail.Element(Ram + "Reason")?.Value;
        return code is null && text is null ? null : new StatusReason(code?.Value, text);
    }

    private static StatusAmount Amount(XElement characteristic)
    {
        var type = Required(characteristic, Ram + "TypeCode", "BR-FR-CDV-CL-11", "the amount's type (MDT-207)");
        if (!StatusAmountTypes.IsListed(type.Value))
        {
            throw Error(type, $"'{type.Value}' is not an amount type of the French list (BR-FR-CDV-CL-11).");
        }

        var value = Required(characteristic, Ram + "ValueAmount", "FR-CDAR-AMOUNT", "the amount (MDT-215)");
        Currency? currency = null;
        if (value.Attribute("currencyID") is { } currencyId)
        {
            currency = Currency.TryFromCode(currencyId.Value, out var known)
                ? known
                : throw Error(value, $"'{currencyId.Value}' is not an ISO 4217 currency code (FR-CDAR-CURRENCY).");
        }

        var percent = characteristic.Element(Ram + "ValuePercent");
        return new StatusAmount(type.Value, Decimal(value, "FR-CDAR-AMOUNT"), currency, percent is null ? null : Decimal(percent, "FR-CDAR-VAT-RATE"));
    }

    private static CdarParty Party(XElement party)
    {
        var role = Required(party, Ram + "RoleCode", "BR-FR-CDV-06", "the party's role");
        return new CdarParty
        {
            Role = Text(role),
            Id = party.Element(Ram + "GlobalID") is { } id ? Identifier(id) : null,
            Name = party.Element(Ram + "Name")?.Value,
            ElectronicAddress = party.Element(Ram + "URIUniversalCommunication")?.Element(Ram + "URIID") is { } address ? Identifier(address) : null,
        };
    }

    private static Identifier Identifier(XElement element) => new(Text(element), element.Attribute("schemeID")?.Value);

    private static Instant DateTime(XElement element)
    {
        if (element.Element(Udt + "DateTime") is { } iso)
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(iso.Value);
            return parsed.Success ? parsed.Value.ToInstant() : throw Error(iso, $"'{iso.Value}' is not a date and time with its offset (FR-CDAR-DATE).");
        }

        var text = Required(element, Udt + "DateTimeString", "FR-CDAR-DATE", "the date and time");
        var format = text.Attribute("format")?.Value;
        if (format == "102" && DatePattern.Parse(text.Value) is { Success: true } date)
        {
            return date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        }

        if (format is null or "204" && DateTimePattern.Parse(text.Value) is { Success: true } instant)
        {
            return instant.Value;
        }

        throw Error(text, $"'{text.Value}' is not a date and time in the format {format ?? "204"} (102: YYYYMMDD, 204: YYYYMMDDHHMMSS) (FR-CDAR-DATE).");
    }

    private static LocalDate Date(XElement element)
    {
        var format = element.Attribute("format")?.Value;
        return format is null or "102" && DatePattern.Parse(element.Value) is { Success: true } date
            ? date.Value
            : throw Error(element, $"'{element.Value}' is not a date in the format 102 (YYYYMMDD) (BR-FR-CDV-11).");
    }

    private static decimal Decimal(XElement element, string rule) =>
        decimal.TryParse(element.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(element, $"'{element.Value}' is not a decimal number such as 1234.56 ({rule}).");

    private static string Text(XElement element) =>
        string.IsNullOrWhiteSpace(element.Value) ? throw Error(element, $"{element.Name.LocalName} is empty (FR-CDAR-EMPTY).") : element.Value;

    private static XElement Required(XElement parent, XName name, string rule, string what) =>
        parent.Element(name) ?? throw new InvoiceFormatException($"The status message has no {what} ({rule}).", PathOf(parent) + "/" + name.LocalName);

    private static InvoiceFormatException Error(XElement element, string message) => new(message, PathOf(element));

    private static string PathOf(XElement element) =>
        "/" + string.Join("/", element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));
}
