using System.Globalization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>A line to credit: which line of the original invoice, and how much of its quantity.</summary>
/// <param name="LineId">The original line's id (BT-126).</param>
/// <param name="Quantity">The quantity credited: above zero, at most the original quantity.</param>
public sealed record CreditedLine(string LineId, decimal Quantity);

/// <summary>
/// Builds credit notes (type 381) from an issued invoice. An issued invoice never changes: to correct or
/// cancel it, issue a credit note that references its number and date (BG-3).
/// </summary>
public static class CreditNotes
{
    /// <summary>A credit note that cancels the whole invoice: same lines, allowances and charges.</summary>
    /// <param name="original">The issued invoice.</param>
    /// <param name="issueDate">The credit note's issue date.</param>
    /// <param name="reason">Why, printed as a note; a default French and English sentence when null.</param>
    /// <exception cref="InvoiceValidationException">The original is itself a credit note.</exception>
    public static Invoice Full(IssuedInvoice original, LocalDate issueDate, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Base(original, issueDate, reason) with
        {
            Lines = original.Document.Lines,
            AllowancesCharges = original.Document.AllowancesCharges,
        };
    }

    /// <summary>A credit note for part of the invoice: the listed lines, with the quantities given.</summary>
    /// <param name="original">The issued invoice.</param>
    /// <param name="issueDate">The credit note's issue date.</param>
    /// <param name="lines">The lines and quantities credited; each line at most once.</param>
    /// <param name="reason">Why, printed as a note.</param>
    /// <exception cref="InvoiceValidationException">A line is unknown, repeated, or its quantity is not within (0, original quantity].</exception>
    public static Invoice Partial(IssuedInvoice original, LocalDate issueDate, IEnumerable<CreditedLine> lines, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(lines);
        var issues = new List<ValidationIssue>();
        var credited = new List<InvoiceLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var request in lines)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"lines[{index++}]");
            var line = request is null ? null : original.Document.Lines.FirstOrDefault(l => l.Id == request.LineId);
            if (request is null || line is null)
            {
                issues.Add(ValidationIssue.Error("INV-CREDIT-LINE-UNKNOWN", path + ".lineId", $"Invoice {original.Number} has no line '{request?.LineId}'."));
            }
            else if (!seen.Add(request.LineId))
            {
                issues.Add(ValidationIssue.Error("INV-CREDIT-LINE-REPEATED", path + ".lineId", $"Line '{request.LineId}' is credited twice."));
            }
            else if (request.Quantity <= 0m || request.Quantity > Math.Abs(line.Quantity))
            {
                issues.Add(ValidationIssue.Error("INV-CREDIT-QUANTITY", path + ".quantity", $"The quantity credited on line '{request.LineId}' must be above 0 and at most {Math.Abs(line.Quantity).ToString(CultureInfo.InvariantCulture)}."));
            }
            else
            {
                credited.Add(line with { Quantity = Math.Sign(line.Quantity) * request.Quantity, AllowancesCharges = request.Quantity == Math.Abs(line.Quantity) ? line.AllowancesCharges : ValueList<AllowanceCharge>.Empty });
            }
        }

        if (issues.Count == 0 && credited.Count == 0)
        {
            issues.Add(ValidationIssue.Error("BR-16", "lines", "A credit note needs at least one line."));
        }

        return issues.Count > 0
            ? throw new InvoiceValidationException(issues)
            : Base(original, issueDate, reason) with { Lines = credited.ToValueList() };
    }

    private static Invoice Base(IssuedInvoice original, LocalDate issueDate, string? reason)
    {
        var invoice = original.Document;
        if (invoice.Type.IsCreditNote())
        {
            throw new InvoiceValidationException(ValidationIssue.Error("INV-CREDIT-OF-CREDIT", "type", $"{original.Number} is a credit note; credit notes are made from invoices."));
        }

        return invoice with
        {
            Number = null,
            Type = DocumentType.CreditNote,
            IssueDate = issueDate,
            DueDate = null,
            PaymentTerms = "Avoir à déduire de votre prochain règlement ou remboursé / To be deducted from your next payment or refunded",
            PrepaidAmount = null,
            RoundingAmount = null,
            PrecedingInvoices = [new PrecedingInvoiceReference(original.Number, invoice.IssueDate)],
            // The reason first; the original's notes stay, as the French mentions apply to credit notes too.
            Notes = [new InvoiceNote(reason ?? $"Avoir sur la facture {original.Number} du {invoice.IssueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} / Credit note for invoice {original.Number}"), .. invoice.Notes],
            AllowancesCharges = ValueList<AllowanceCharge>.Empty,
        };
    }
}
