using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Invoicing.Core;
using NodaTime;
using NodaTime.Text;
using static Invoicing.France.CdarNames;

namespace Invoicing.France;

/// <summary>
/// Writes a lifecycle status message as CDAR D22B XML that meets the XSD and the BR-FR-CDV schematron: the message is
/// checked first, and a message that would break a rule is refused with the rule and the field.
/// </summary>
public static class CdarWriter
{
    private static readonly InstantPattern DateTimePattern = InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss");

    /// <summary>Checks a message against the rules the writer enforces, without writing it.</summary>
    public static ValidationResult Validate(CdarMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ValidationResult(CdarRules.Check(message));
    }

    /// <summary>Writes the message as UTF-8 XML (no byte order mark).</summary>
    /// <exception cref="InvoiceValidationException">The message breaks a rule; every issue names it and the field.</exception>
    public static byte[] ToBytes(CdarMessage message)
    {
        using var output = new MemoryStream();
        Write(message, output);
        return output.ToArray();
    }

    /// <summary>Writes the message as UTF-8 XML to <paramref name="output"/>.</summary>
    /// <exception cref="InvoiceValidationException">The message breaks a rule; nothing is written.</exception>
    public static void Write(CdarMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Validate(message).ThrowIfInvalid();
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), Root(message));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var writer = XmlWriter.Create(output, settings);
        document.Save(writer);
    }

    private static XElement Root(CdarMessage message)
    {
        var phase = LifecycleStatuses.PhaseOf(message.Reports[0].Status);
        return new XElement(
            CdarNames.Root,
            new XAttribute(XNamespace.Xmlns + "rsm", Rsm.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "ram", Ram.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "qdt", Qdt.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "udt", Udt.NamespaceName),
            new XElement(
                Rsm + "ExchangedDocumentContext",
                new XElement(Ram + "BusinessProcessSpecifiedDocumentContextParameter", new XElement(Ram + "ID", message.BusinessProcess)),
                new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", new XElement(Ram + "ID", CdarMessage.Guideline))),
            new XElement(
                Rsm + "ExchangedDocument",
                new XElement(Ram + "ID", message.MessageId),
                DateTime(Ram + "IssueDateTime", message.IssuedAt),
                Party(Ram + "SenderTradeParty", message.Sender),
                Party(Ram + "IssuerTradeParty", message.Issuer),
                message.Recipients.Select(r => Party(Ram + "RecipientTradeParty", r))),
            new XElement(
                Rsm + "AcknowledgementDocument",
                new XElement(Ram + "MultipleReferencesIndicator", new XElement(Udt + "Indicator", message.Reports.Count > 1 ? "true" : "false")),
                new XElement(Ram + "TypeCode", CdarNames.TypeCode(phase)),
                DateTime(Ram + "IssueDateTime", message.IssuedAt),
                message.Reports.Select(Report)));
    }

    private static XElement Report(InvoiceStatusReport report) => new(
        Ram + "ReferenceReferencedDocument",
        new XElement(Ram + "IssuerAssignedID", report.InvoiceNumber),
        report.DocumentTypeCode is { } type ? new XElement(Ram + "TypeCode", type) : null,
        report.InvoiceIssueDate is { } date
            ? new XElement(Ram + "FormattedIssueDateTime", new XElement(Qdt + "DateTimeString", new XAttribute("format", "102"), LocalDatePattern.Iso.Format(date).Replace("-", string.Empty, StringComparison.Ordinal)))
            : null,
        new XElement(Ram + "ProcessConditionCode", LifecycleStatuses.Code(report.Status)),
        new XElement(Ram + "ProcessCondition", LifecycleStatuses.FrenchName(report.Status)),
        report.Seller is { } seller ? Party(Ram + "IssuerTradeParty", seller) : null,
        Details(report));

    /// <summary>One status detail per reason (each numbered, MDT-124-2); the amounts go with the first, or alone.</summary>
    private static IEnumerable<XElement> Details(InvoiceStatusReport report)
    {
        var count = Math.Max(report.Reasons.Count, report.Amounts.Count > 0 ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var reason = i < report.Reasons.Count ? report.Reasons[i] : null;
            yield return new XElement(
                Ram + "SpecifiedDocumentStatus",
                reason?.Code is { } code ? new XElement(Ram + "ReasonCode", code) : null,
                reason?.Text is { } text ? new XElement(Ram + "Reason", text) : null,
                new XElement(Ram + "SequenceNumeric", (i + 1).ToString(CultureInfo.InvariantCulture)),
                i == 0 ? report.Amounts.Select(Amount) : null);
        }
    }

    private static XElement Amount(StatusAmount amount) => new(
        Ram + "SpecifiedDocumentCharacteristic",
        new XElement(Ram + "TypeCode", amount.Type),
        new XElement(
            Ram + "ValueAmount",
            amount.Currency is { } currency ? new XAttribute("currencyID", currency.Code) : null,
            amount.Amount.ToString(CultureInfo.InvariantCulture)),
        amount.VatRate is { } rate ? new XElement(Ram + "ValuePercent", rate.ToString(CultureInfo.InvariantCulture)) : null);

    private static XElement Party(XName name, CdarParty party) => new(
        name,
        party.Id is { } id ? Id(Ram + "GlobalID", id) : null,
        party.Name is { } partyName ? new XElement(Ram + "Name", partyName) : null,
        new XElement(Ram + "RoleCode", party.Role),
        party.ElectronicAddress is { } address ? new XElement(Ram + "URIUniversalCommunication", Id(Ram + "URIID", address)) : null);

    private static XElement Id(XName name, Identifier id) =>
        new(name, id.Scheme is { } scheme ? new XAttribute("schemeID", scheme) : null, id.Value);

    private static XElement DateTime(XName name, Instant at) =>
        new(name, new XElement(Udt + "DateTimeString", new XAttribute("format", "204"), DateTimePattern.Format(at)));
}
