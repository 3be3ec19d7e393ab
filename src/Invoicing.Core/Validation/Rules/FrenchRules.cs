using NodaTime;
using static Invoicing.Core.Validation.IssueCollector;

namespace Invoicing.Core.Validation;

/// <summary>
/// French rules (Code de commerce L441-9 and L441-10, CGI art. 242 nonies A, the 2026 e-invoicing reform), applied when the
/// seller is French (address country or VAT prefix FR). B2B means the buyer has a VAT or legal identifier.
/// </summary>
internal static class FrenchRules
{
    public static bool Applies(Invoice invoice) =>
        Text.CountryOf(invoice.Seller) == "FR"
        || (invoice.Seller?.VatId?.Trim().StartsWith("FR", StringComparison.OrdinalIgnoreCase) ?? false);

    public static void Check(Invoice invoice, IssueCollector issues)
    {
        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        var b2b = buyer is not null && (!Text.Blank(buyer.VatId) || buyer.LegalId is not null);
        var buyerFrench = Text.CountryOf(buyer) == "FR";

        CheckSiren(seller?.LegalId, "seller", "FR-01", "FR-02", issues);
        if (seller?.LegalId is { } sellerId && FrenchIdentifiers.SirenOf(sellerId.Value) is { } siren
            && seller.VatId?.Trim() is { Length: > 2 } vatId && vatId.StartsWith("FR", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(vatId, FrenchIdentifiers.VatIdOf(siren), StringComparison.OrdinalIgnoreCase))
        {
            issues.Warning("FR-10", "seller.vatId", $"The French VAT identifier {vatId} does not match the SIREN {siren}: expected {FrenchIdentifiers.VatIdOf(siren)}.");
        }

        if (b2b && buyerFrench)
        {
            CheckSiren(buyer!.LegalId, "buyer", "FR-03", "FR-04", issues);
            if (!FrenchBillingMode.IsKnown(invoice.BusinessProcessType?.Trim()))
            {
                issues.Error("FR-09", "businessProcessType", $"A French B2B invoice shall state its billing mode in BT-23 ({string.Join(", ", FrenchBillingMode.All)}); '{invoice.BusinessProcessType}' is not one.");
            }
        }

        if (b2b)
        {
            CheckMentions(invoice, issues);
            CheckPaymentDelay(invoice, issues);
        }

        if ((invoice.Type.IsCreditNote() || invoice.Type == DocumentType.CorrectedInvoice) && invoice.PrecedingInvoices.Count == 0)
        {
            issues.Error("FR-08", "precedingInvoices", "A credit note or corrected invoice shall reference the invoice it corrects (BG-3: number BT-25 and date BT-26).");
        }
    }

    private static void CheckSiren(Identifier? id, string role, string missingRule, string invalidRule, IssueCollector issues)
    {
        if (id is not { } identifier || Text.Blank(identifier.Value))
        {
            issues.Error(missingRule, role + ".legalId", $"The {role} SIREN (BT-{(role == "seller" ? "30" : "47")}, scheme 0002) shall be present on a French invoice.");
            return;
        }

        var valid = identifier.Scheme switch
        {
            Identifier.SirenScheme => FrenchIdentifiers.IsValidSiren(identifier.Value),
            Identifier.SiretScheme => FrenchIdentifiers.IsValidSiret(identifier.Value),
            null => FrenchIdentifiers.IsValidSiren(identifier.Value) || FrenchIdentifiers.IsValidSiret(identifier.Value),
            _ => false,
        };
        if (!valid)
        {
            issues.Error(invalidRule, role + ".legalId.value", $"'{identifier.Value}' (scheme {identifier.Scheme ?? "none"}) is not a valid SIREN (scheme 0002: 9 digits with a Luhn key) or SIRET (0009: 14 digits).");
        }
    }

    private static void CheckMentions(Invoice invoice, IssueCollector issues)
    {
        var penalties = false;
        var indemnity = -1;
        for (var i = 0; i < invoice.Notes.Count; i++)
        {
            if (invoice.Notes[i] is not { } note || Text.Blank(note.Text))
            {
                continue;
            }

            penalties |= note.SubjectCode == InvoiceNote.LatePaymentPenalties;
            if (note.SubjectCode == InvoiceNote.RecoveryIndemnity && indemnity < 0)
            {
                indemnity = i;
            }
        }

        if (!penalties)
        {
            issues.Error("FR-05", "notes", "A French B2B invoice shall state the late-payment penalty rate (note with subject PMD, Code de commerce L441-10).");
        }

        if (indemnity < 0)
        {
            issues.Error("FR-06", "notes", "A French B2B invoice shall state the EUR 40 fixed recovery indemnity (note with subject PMT, Code de commerce D441-5).");
        }
        else if (!invoice.Notes[indemnity]!.Text.Contains("40", StringComparison.Ordinal))
        {
            issues.Warning("FR-06", At("notes", indemnity) + ".text", "The recovery indemnity note (PMT) does not state the amount of 40 EUR.");
        }
    }

    private static void CheckPaymentDelay(Invoice invoice, IssueCollector issues)
    {
        if (invoice.DueDate is not { } due || invoice.IssueDate == default)
        {
            return;
        }

        var issue = invoice.IssueDate;
        if (issue.Year >= 9999)
        {
            return;
        }

        var limit = Latest(
            issue.PlusDays(60),
            issue.PlusDays(45).With(DateAdjusters.EndOfMonth),
            issue.With(DateAdjusters.EndOfMonth).PlusDays(45));
        if (due > limit)
        {
            issues.Error(
                "FR-07",
                "dueDate",
                $"Payment terms shall not exceed 60 days from the issue date or 45 days end of month (Code de commerce L441-10): the due date {due:yyyy-MM-dd} is after {limit:yyyy-MM-dd}.");
        }
    }

    private static LocalDate Latest(LocalDate a, LocalDate b, LocalDate c) => LocalDate.Max(a, LocalDate.Max(b, c));
}
