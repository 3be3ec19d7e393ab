using System.Globalization;
using System.Xml;
using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// The checks a message passes before it is written, so that what the SDK writes meets the CDAR schema and the
/// BR-FR-CDV schematron (V1.4.0) with no error. Each issue names the rule and the field. Pure.
/// </summary>
internal static class CdarRules
{
    /// <summary>Longest identifier or text accepted in a field; far above any real number or name.</summary>
    public const int MaxTextLength = 1000;

    private const string RegulatedProcess = "REGULATED";

    private static readonly string[] BusinessProcesses = ["REGULATED", "NON_REGULATED", "B2C", "B2CINT", "B2BINT", "OUTOFSCOPE"];

    private static readonly string[] DocumentTypes = ["380", "389", "393", "501", "386", "500", "384", "471", "472", "473", "261", "262", "381", "396", "502", "503"];

    public static List<ValidationIssue> Check(CdarMessage message)
    {
        var issues = new List<ValidationIssue>();
        Text(issues, message.MessageId, "messageId", "BR-FR-CDV-03", "The message identifier (MDT-4)");
        // BR-FR-CDV-CL-01 (V1.4.0) lists six business processes, but as published it compares all but REGULATED with the
        // whole context's text, which also holds the guideline: only REGULATED passes it.
        if (message.BusinessProcess != RegulatedProcess)
        {
            issues.Add(Error(
                "BR-FR-CDV-CL-01",
                "businessProcess",
                BusinessProcesses.Contains(message.BusinessProcess)
                    ? $"The business process '{message.BusinessProcess}' cannot be written: the French rules as published (V1.4.0) accept only {RegulatedProcess} in a message to a platform."
                    : $"The business process '{message.BusinessProcess}' is not one of {string.Join(", ", BusinessProcesses)}; a message to a platform says {RegulatedProcess}."));
        }

        if (message.Reports is not { Count: > 0 } reports)
        {
            issues.Add(Error("FR-CDAR-REPORTS", "reports", "A status message carries at least one status."));
            return issues;
        }

        var phase = LifecycleStatuses.PhaseOf(reports[0].Status);
        if (reports.Any(r => r is null || LifecycleStatuses.PhaseOf(r.Status) != phase))
        {
            issues.Add(Error("FR-CDAR-PHASE", "reports", "The statuses of one message are all transmission statuses (sent by a platform) or all processing statuses (sent by the buyer or the seller): send them in separate messages."));
            return issues;
        }

        CheckParties(issues, message, phase);
        var byPublicBuyer = message.Sender?.Id is { Scheme: CdarRoles.PlatformScheme, Value: CdarRoles.PublicBuyerRegistration };
        for (var i = 0; i < reports.Count; i++)
        {
            CheckReport(issues, reports[i], $"reports[{i}]", byPublicBuyer);
        }

        return issues;
    }

    private static void CheckParties(List<ValidationIssue> issues, CdarMessage message, LifecyclePhase phase)
    {
        if (message.Sender is not { } sender)
        {
            issues.Add(Error("BR-FR-CDV-05", "sender", "The message has no sender (MDG-9)."));
        }
        else
        {
            CheckParty(issues, sender, "sender");
            if (phase == LifecyclePhase.Transmission ? sender.Role != CdarRoles.Platform : !CdarRoles.MaySendProcessing(sender.Role))
            {
                issues.Add(Error(phase == LifecyclePhase.Transmission ? "BR-FR-CDV-CL-02_MDT-21_305" : "BR-FR-CDV-CL-02_MDT-21_23", "sender.role", RoleMessage("sender", sender.Role, phase, "BY, AB, DL, SE, SR, WK, PE, PR, II, IV")));
            }

            // The B2G refusal rule reads the sender's registration number: any other identifier there makes it fail.
            if (sender.Id is { } id && id.Scheme != CdarRoles.PlatformScheme)
            {
                issues.Add(Error("BR-FR-CDV-CL-09_MDT-113_210B2G", "sender.id", $"The sender is identified by its platform registration number (scheme {CdarRoles.PlatformScheme}) or not at all; put the business's SIREN on the issuer."));
            }
        }

        if (message.Issuer is not { } issuer)
        {
            issues.Add(Error("BR-FR-CDV-07", "issuer", "The message has no issuer (MDT-40): the party whose statuses these are."));
        }
        else
        {
            CheckParty(issues, issuer, "issuer");
            if (phase == LifecyclePhase.Transmission ? issuer.Role != CdarRoles.Platform : !CdarRoles.MayIssueProcessing(issuer.Role))
            {
                issues.Add(Error(phase == LifecyclePhase.Transmission ? "BR-FR-CDV-CL-03_MDT-40_305" : "BR-FR-CDV-CL-03_MDT-40_23", "issuer.role", RoleMessage("issuer", issuer.Role, phase, "BY, AB, DL, SE, SR, PE, PR, II, IV")));
            }

            if (phase == LifecyclePhase.Processing && issuer.Id is null)
            {
                issues.Add(Error("BR-FR-CDV-07_MDT-38_yes", "issuer.id", "The issuer of a processing status is identified (MDT-38), by its SIREN."));
            }
        }

        if (message.Recipients is not { Count: > 0 } recipients)
        {
            issues.Add(Error("FR-CDAR-RECIPIENT", "recipients", "The message has at least one recipient (MDT-59)."));
            return;
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            var path = $"recipients[{i}]";
            if (recipients[i] is not { } recipient)
            {
                issues.Add(Error("FR-CDAR-RECIPIENT", path, "A recipient is missing."));
                continue;
            }

            CheckParty(issues, recipient, path);
            if (!CdarRoles.MayReceive(recipient.Role))
            {
                issues.Add(Error("BR-FR-CDV-CL-04_MDT-59", path + ".role", $"The recipient's role '{recipient.Role}' is not one of BY, AB, DL, SE, SR, PE, PR, II, IV, WK, DFH."));
            }
            else if (recipient.Role is not (CdarRoles.Platform or CdarRoles.TaxPortal) && recipient.ElectronicAddress is null)
            {
                issues.Add(Error("BR-FR-CDV-08_MDT-73", path + ".electronicAddress", "A recipient that is not a platform has an electronic address (MDT-73)."));
            }
        }
    }

    private static void CheckReport(List<ValidationIssue> issues, InvoiceStatusReport? report, string path, bool byPublicBuyer)
    {
        if (report is null)
        {
            issues.Add(Error("FR-CDAR-REPORTS", path, "A status is missing."));
            return;
        }

        Text(issues, report.InvoiceNumber, path + ".invoiceNumber", "BR-FR-CDV-10", "The invoice number (MDT-87)");
        var status = report.Status;
        if (!LifecycleStatuses.IsListed(status))
        {
            issues.Add(Error("BR-FR-CDV-CL-06_MDT-105", path + ".status", string.Create(CultureInfo.InvariantCulture, $"{(int)status} is not a lifecycle status code of the French list.")));
            return;
        }

        var inadmissible = status == LifecycleStatus.Inadmissible;
        if (report.InvoiceIssueDate is null && !inadmissible)
        {
            issues.Add(Error("BR-FR-CDV-11_MDG-35", path + ".invoiceIssueDate", "The invoice's issue date (MDG-35) is given with every status but 501."));
        }
        else if (report.InvoiceIssueDate is { Year: < 2000 or > 2099 })
        {
            issues.Add(Error("FR-CDAR-DATE", path + ".invoiceIssueDate", "The invoice's issue date is in the years 2000 to 2099."));
        }

        if (report.DocumentTypeCode is { } type && !DocumentTypes.Contains(type))
        {
            issues.Add(Error("BR-FR-04_MDT-91", path + ".documentTypeCode", $"The document type '{type}' is not one the French rules allow ({string.Join(", ", DocumentTypes)})."));
        }

        if (report.Seller is { } seller)
        {
            CheckParty(issues, seller, path + ".seller");
            if (seller.Role != CdarRoles.Seller)
            {
                issues.Add(Error("BR-FR-CDV-CL-07_MDT-132", path + ".seller.role", $"The invoice's seller has the role SE, not '{seller.Role}'."));
            }
        }

        if (!inadmissible && report.Seller?.Id is null)
        {
            issues.Add(Error("BR-FR-CDV-13_MDT-129", path + ".seller", "The invoice's seller is identified (MDT-129) with every status but 501."));
        }

        CheckReasons(issues, report, path, byPublicBuyer);
        CheckAmounts(issues, report, path);
    }

    private static void CheckReasons(List<ValidationIssue> issues, InvoiceStatusReport report, string path, bool byPublicBuyer)
    {
        var status = report.Status;
        if (!report.Reasons.Any(r => r?.Code is not null) && StatusReasonCodes.IsRequired(status))
        {
            issues.Add(Error("BR-FR-CDV-15_MDT-113", path + ".reasons", $"Status {LifecycleStatuses.Code(status)} ({LifecycleStatuses.FrenchName(status)}) gives its reason (MDT-113)."));
        }

        for (var i = 0; i < report.Reasons.Count; i++)
        {
            var reasonPath = $"{path}.reasons[{i}]";
            if (report.Reasons[i] is not { } reason)
            {
                issues.Add(Error("BR-FR-CDV-CL-09_MDT-113", reasonPath, "A reason is missing."));
                continue;
            }

            if (reason.Code is null)
            {
                if (reason.Text is null)
                {
                    issues.Add(Error("BR-FR-CDV-CL-09_MDT-113", reasonPath, "A reason gives a code, a text or both."));
                }
            }
            else if (!StatusReasonCodes.IsListed(reason.Code))
            {
                issues.Add(Error("BR-FR-CDV-CL-09_MDT-113", reasonPath + ".code", $"'{reason.Code}' is not a reason code of the French list."));
            }
            else if (!StatusReasonCodes.IsAllowed(status, reason.Code, byPublicBuyer))
            {
                issues.Add(Error("BR-FR-CDV-CL-09_MDT-113_" + LifecycleStatuses.Code(status), reasonPath + ".code", $"The reason '{reason.Code}' is not one status {LifecycleStatuses.Code(status)} ({LifecycleStatuses.FrenchName(status)}) may give."));
            }

            if (reason.Text is { } text)
            {
                Text(issues, text, reasonPath + ".text", "FR-CDAR-TEXT", "The reason's text");
            }
        }
    }

    private static void CheckAmounts(List<ValidationIssue> issues, InvoiceStatusReport report, string path)
    {
        for (var i = 0; i < report.Amounts.Count; i++)
        {
            var amountPath = $"{path}.amounts[{i}]";
            if (report.Amounts[i] is not { } amount)
            {
                issues.Add(Error("BR-FR-CDV-CL-11_MDT-207", amountPath, "An amount is missing."));
                continue;
            }

            if (!StatusAmountTypes.IsListed(amount.Type))
            {
                issues.Add(Error("BR-FR-CDV-CL-11_MDT-207", amountPath + ".type", $"'{amount.Type}' is not an amount type of the French list (MEN, MPA, RAP, ESC, RAB, REM, MAP, MAPTTC, MNA, MNATTC, CBB, DIV, DVA, MAJ)."));
            }

            if (amount.Currency is { } currency && !currency.IsDefined)
            {
                issues.Add(Error("FR-CDAR-CURRENCY", amountPath + ".currency", "The amount's currency is not set."));
            }

            if (amount.VatRate is < 0m or >= 100m)
            {
                issues.Add(Error("FR-CDAR-VAT-RATE", amountPath + ".vatRate", "A VAT rate is a percentage from 0 to under 100."));
            }
        }

        if (report.Status == LifecycleStatus.Cashed
            && (!report.Amounts.Any(a => a?.Type == StatusAmountTypes.Cashed) || report.Amounts.Any(a => a?.Type == StatusAmountTypes.Cashed && a.VatRate is null)))
        {
            issues.Add(Error("BR-FR-CDV-14_MDT-207", path + ".amounts", "Status 212 (Encaissée) gives the amount cashed (MEN) for each VAT rate, each with its rate."));
        }
    }

    private static void CheckParty(List<ValidationIssue> issues, CdarParty party, string path)
    {
        if (party.Id is { } id)
        {
            Text(issues, id.Value, path + ".id", "FR-CDAR-ID", "An identifier");
        }

        if (party.ElectronicAddress is { } address)
        {
            Text(issues, address.Value, path + ".electronicAddress", "FR-CDAR-ID", "An electronic address");
        }

        if (party.Name is { } name)
        {
            Text(issues, name, path + ".name", "FR-CDAR-TEXT", "A name");
        }
    }

    private static void Text(List<ValidationIssue> issues, string? value, string path, string rule, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(Error(rule, path, $"{what} is required and may not be blank."));
        }
        else if (value.Length > MaxTextLength)
        {
            issues.Add(Error(rule, path, string.Create(CultureInfo.InvariantCulture, $"{what} is {value.Length} characters long; at most {MaxTextLength} are accepted.")));
        }
        else if (!IsXmlText(value))
        {
            issues.Add(Error(rule, path, $"{what} holds a control character, which XML cannot carry."));
        }
    }

    private static bool IsXmlText(string value)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string RoleMessage(string who, string? role, LifecyclePhase phase, string processingRoles) => phase == LifecyclePhase.Transmission
        ? $"The {who} of a transmission status is a platform (WK), not '{role}'."
        : $"The {who}'s role '{role}' is not one of {processingRoles}.";

    private static ValidationIssue Error(string rule, string path, string message) => ValidationIssue.Error(rule, path, message);
}
