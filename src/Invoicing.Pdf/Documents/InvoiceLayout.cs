using Invoicing.Core;
using Invoicing.Pdf.Components;
using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Documents;

/// <summary>Composes an invoice or a credit note from components, in reading order.</summary>
internal static class InvoiceLayout
{
    public static IEnumerable<IComponent> Components(RenderContext context)
    {
        var invoice = context.Invoice;
        var labels = context.Labels;
        var formats = context.Formats;
        var facts = new List<(string, string)> { ($"{labels.Number}", context.NumberText), ($"{labels.IssueDate} :", formats.Date(invoice.IssueDate)) };
        if (invoice.DueDate is { } due)
        {
            facts.Add(($"{labels.DueDate} :", formats.Date(due)));
        }

        yield return new HeaderComponent(invoice.Seller, context.Logo, context.Title, facts);
        yield return new TwoColumnBlock(labels.References, References(context), labels.BilledTo, invoice.Buyer.Name, BuyerLines(invoice.Buyer, labels));
        yield return new TableComponent(
            [
                new TableColumn(labels.Description, 0.44),
                new TableColumn(labels.Quantity, 0.08, XStringAlignment.Far),
                new TableColumn(labels.Unit, 0.07, XStringAlignment.Center),
                new TableColumn(invoice.PricesIncludeVat ? labels.UnitPriceWithVat : labels.UnitPrice, 0.14, XStringAlignment.Far),
                new TableColumn(labels.Vat, 0.09, XStringAlignment.Far),
                new TableColumn(invoice.PricesIncludeVat ? labels.LineTotalWithVat : labels.LineTotal, 0.18, XStringAlignment.Far),
            ],
            LineRows(context));
        yield return new SummaryComponent(
            labels.VatBreakdown,
            [labels.Rate, labels.TaxableBase, labels.VatAmount],
            [.. context.Totals.VatBreakdown.Select(row => (IReadOnlyList<string>)[VatLabel(row, formats), formats.Amount(row.TaxableAmount, context.Currency), formats.Amount(row.TaxAmount, context.Currency)])],
            TotalRows(context));
        yield return new PaymentComponent(labels.Payment, PaymentLines(context), context.Options.SepaQrCode ? EpcQrPayload.For(invoice, context.Totals.AmountDue) : null, labels.ScanToPay);
        yield return new ParagraphsComponent(labels.Notes, Mentions(context));
    }

    /// <summary>The title and number repeated at the top of pages 2 and after.</summary>
    public static string RunningTitle(RenderContext context) => $"{context.Title} {context.Labels.Number} {context.NumberText}";

    private static List<(string, string)> References(RenderContext context)
    {
        var invoice = context.Invoice;
        var labels = context.Labels;
        var lines = new List<(string, string)>();
        foreach (var preceding in invoice.PrecedingInvoices)
        {
            var date = preceding.IssueDate is { } d ? $" {labels.Of} {context.Formats.Date(d)}" : string.Empty;
            lines.Add((context.IsCreditNote ? labels.Corrects : labels.OverdueInvoice, preceding.Number + date));
        }

        Add(lines, labels.PurchaseOrder, invoice.PurchaseOrderReference);
        Add(lines, labels.BuyerReference, invoice.BuyerReference);
        Add(lines, labels.Contract, invoice.ContractReference);
        Add(lines, labels.Project, invoice.ProjectReference);
        Add(lines, labels.SalesOrder, invoice.SalesOrderReference);
        if (invoice.Delivery?.Date is { } delivered)
        {
            lines.Add((labels.DeliveryDate, context.Formats.Date(delivered)));
        }

        if (invoice.InvoicingPeriod is { } period)
        {
            Add(lines, labels.Period, Period(period, context.Formats));
        }

        return lines;
    }

    private static List<string> BuyerLines(Party buyer, Labels labels)
    {
        var lines = PartyText.AddressLines(buyer.Address);
        lines.AddRange(PartyText.IdentityLines(buyer, labels));
        lines.AddRange(PartyText.ContactLines(buyer.Contact));
        return lines;
    }

    private static IEnumerable<TableRow> LineRows(RenderContext context)
    {
        var invoice = context.Invoice;
        var formats = context.Formats;
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var details = new List<string>();
            AddDetail(details, line.Description);
            AddDetail(details, line.Note);
            if (line.Period is { } period)
            {
                AddDetail(details, Period(period, formats));
            }

            foreach (var ac in line.AllowancesCharges)
            {
                var label = string.IsNullOrWhiteSpace(ac.Reason) ? (ac.IsCharge ? context.Labels.Charge : context.Labels.Allowance) : ac.Reason.Trim();
                details.Add($"{label} : {formats.Amount(ac.IsCharge ? ac.Amount : -ac.Amount, context.Currency)}");
            }

            // A consumer's invoice shows the prices and amounts with VAT included it was priced in; the totals below
            // give the net figures and the VAT breakdown.
            var shown = line.VatInclusivePrice ?? line.NetPrice;
            var price = line.BaseQuantity is { } b && b != 1 ? $"{formats.Decimal(shown, context.Currency.MinorUnits)} / {formats.Decimal(b)}" : formats.Decimal(shown, context.Currency.MinorUnits);
            var amount = line.VatInclusivePrice is null ? context.Totals.LineNetAmounts[i] : InvoiceCalculator.LineVatInclusiveAmount(line, context.Currency);
            yield return new TableRow(
                [
                    line.ItemName,
                    formats.Decimal(line.Quantity),
                    UnitNames.Of(line.UnitCode, context.Options.Language),
                    price,
                    line.VatCategory == VatCategory.S ? formats.Percent(line.VatRate) : line.VatCategory.Code(),
                    formats.Amount(amount, context.Currency),
                ],
                details);
        }
    }

    private static List<TotalRow> TotalRows(RenderContext context)
    {
        var t = context.Totals;
        var f = context.Formats;
        var c = context.Currency;
        var labels = context.Labels;
        var rows = new List<TotalRow>();
        var hasDocumentLevel = context.Invoice.AllowancesCharges.Count > 0;
        if (hasDocumentLevel)
        {
            rows.Add(new TotalRow(labels.LineNetTotal, f.Amount(t.LineNetTotal, c)));
            // Between the net line total and the total without VAT: the amounts without VAT, derived on an invoice priced with VAT included.
            foreach (var ac in InvoiceCalculator.ToNetPrices(context.Invoice).AllowancesCharges)
            {
                var label = (ac.IsCharge ? labels.Charge : labels.Allowance) + (string.IsNullOrWhiteSpace(ac.Reason) ? string.Empty : " : " + ac.Reason);
                rows.Add(new TotalRow(label, f.Amount(ac.IsCharge ? ac.Amount : -ac.Amount, c)));
            }
        }

        rows.Add(new TotalRow(labels.TotalWithoutVat, f.Amount(t.TaxExclusiveAmount, c)));
        rows.Add(new TotalRow(labels.TotalVat, f.Amount(t.VatTotal, c)));
        rows.Add(new TotalRow(labels.TotalWithVat, f.Amount(t.TaxInclusiveAmount, c)));
        if (t.PrepaidAmount is { } prepaid)
        {
            rows.Add(new TotalRow(labels.Prepaid, f.Amount(-prepaid, c)));
        }

        if (t.RoundingAmount is { } rounding)
        {
            rows.Add(new TotalRow(labels.Rounding, f.Amount(rounding, c)));
        }

        rows.Add(new TotalRow(context.IsCreditNote ? labels.CreditAmount : labels.AmountDue, f.Money(t.AmountDue, c), Emphasis: true));
        return rows;
    }

    private static List<(string, string)> PaymentLines(RenderContext context)
    {
        var invoice = context.Invoice;
        var labels = context.Labels;
        var lines = new List<(string, string)>();
        if (invoice.PaymentInstructions is { } pay)
        {
            var means = pay.MeansText ?? pay.MeansCode switch
            {
                PaymentInstructions.SepaCreditTransfer or PaymentInstructions.CreditTransferCode => labels.TransferMeans,
                PaymentInstructions.SepaDirectDebit => labels.DirectDebitMeans,
                PaymentInstructions.BankCard => labels.CardMeans,
                _ => pay.MeansCode,
            };
            lines.Add((labels.Means, means));
            foreach (var account in pay.CreditTransfers)
            {
                lines.Add((labels.Iban, GroupIban(account.AccountId)));
                Add(lines, labels.Bic, account.ServiceProviderId);
                Add(lines, labels.AccountName, account.AccountName);
            }

            if (pay.DirectDebit is { } debit)
            {
                lines.Add((labels.Mandate, debit.MandateReference));
            }

            Add(lines, labels.PaymentReference, pay.RemittanceInformation);
        }

        Add(lines, labels.PaymentTerms, invoice.PaymentTerms);
        if (context.Options.PaymentLink is { } link)
        {
            lines.Add((labels.PayOnline, link.ToString()));
        }

        return lines;
    }

    private static List<string> Mentions(RenderContext context)
    {
        var invoice = context.Invoice;
        var labels = context.Labels;
        var mentions = new List<string>();
        foreach (var note in invoice.Notes)
        {
            AddDetail(mentions, note.Text);
        }

        if (invoice.SellerTaxRepresentative is { } representative)
        {
            mentions.Add(TaxRepresentativeMention(representative, labels));
        }

        foreach (var row in context.Totals.VatBreakdown)
        {
            var mention = row.ExemptionReason ?? row.Category switch
            {
                VatCategory.AE => labels.ReverseCharge,
                VatCategory.K => labels.IntraEu,
                VatCategory.G => labels.Export,
                VatCategory.E => labels.Exempt,
                VatCategory.O => labels.OutOfScope,
                _ => null,
            };
            if (mention is not null)
            {
                var code = row.ExemptionReasonCode is null ? string.Empty : $" ({row.ExemptionReasonCode})";
                mentions.Add($"{labels.Vat} {row.Category.Code()} : {mention}{code}");
            }
        }

        if (context.Options.FrenchLegalMentions && string.Equals(invoice.Seller.Address?.CountryCode, "FR", StringComparison.OrdinalIgnoreCase))
        {
            if (!invoice.Notes.Any(n => n.SubjectCode == InvoiceNote.LatePaymentPenalties))
            {
                mentions.Add(context.Options.LatePaymentPenaltyMention ?? labels.LatePenaltyDefault);
            }

            if (!invoice.Notes.Any(n => n.SubjectCode == InvoiceNote.RecoveryIndemnity))
            {
                mentions.Add(labels.RecoveryIndemnity);
            }
        }

        return mentions;
    }

    /// <summary>The seller tax representative (BG-11) on one line: name, address, VAT id.</summary>
    private static string TaxRepresentativeMention(TaxRepresentative representative, Labels labels)
    {
        var parts = new List<string>();
        AddDetail(parts, representative.Name);
        parts.AddRange(PartyText.AddressLines(representative.Address));
        if (!string.IsNullOrWhiteSpace(representative.VatId))
        {
            parts.Add($"{labels.VatId} {representative.VatId.Trim()}");
        }

        return $"{labels.TaxRepresentative} : {string.Join(", ", parts)}";
    }

    private static string VatLabel(VatBreakdown row, Formats formats) =>
        row.Category == VatCategory.S ? formats.Percent(row.Rate) : $"{row.Category.Code()} {formats.Percent(row.Rate ?? 0)}";

    private static string Period(InvoicePeriod period, Formats formats) =>
        (period.Start, period.End) switch
        {
            ({ } s, { } e) => $"{formats.Date(s)} – {formats.Date(e)}",
            ({ } s, null) => formats.Date(s),
            (null, { } e) => formats.Date(e),
            _ => string.Empty,
        };

    private static string GroupIban(string iban)
    {
        var compact = iban.Replace(" ", string.Empty, StringComparison.Ordinal);
        return string.Join(' ', compact.Chunk(4).Select(c => new string(c)));
    }

    private static void Add(List<(string, string)> lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add((label, value.Trim()));
        }
    }

    private static void AddDetail(List<string> lines, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(value.Trim());
        }
    }
}
