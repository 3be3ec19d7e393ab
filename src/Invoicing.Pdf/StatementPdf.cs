using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.Pdf.Documents;
using Invoicing.Reporting;

namespace Invoicing.Pdf;

/// <summary>
/// Renders statements of account (built by <see cref="Statements"/>) to PDF: per currency the movements with the
/// running balance, brought forward at the top of each following page, the totals and the aging of the balance.
/// </summary>
public static class StatementPdf
{
    /// <summary>Renders <paramref name="statement"/> into <paramref name="output"/>, which stays open.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="options">Language, brand colour and logo (the payment options do not apply); <see cref="PdfRenderOptions.Default"/> when null.</param>
    /// <exception cref="InvoiceValidationException">
    /// A party has no name or the sections or aging columns are missing (rule PDF-REQUIRED), a section has no currency,
    /// a null line or not one aging amount per column (PDF-STATEMENT-SECTION), or an option is invalid; each issue names the field.
    /// </exception>
    public static void Render(StatementOfAccount statement, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(output);
        InvoicePdf.RequireWritable(output);
        options ??= PdfRenderOptions.Default;
        Check(statement);
        LetterWriter.Write(statement.Seller, options, output, (labels, formats, logo) =>
        {
            var metadata = new DocumentMetadata(
                $"{labels.Statement} {statement.Customer.Name}",
                statement.Seller.Name,
                $"{labels.Statement} – {statement.Seller.Name} → {statement.Customer.Name}",
                statement.AsOf,
                Identity(statement, options));
            return new LetterParts(metadata, $"{labels.Statement} {formats.Date(statement.AsOf)}", StatementLayout.Components(statement, labels, formats, logo));
        });
    }

    /// <summary>Renders <paramref name="statement"/> and returns the PDF bytes.</summary>
    /// <exception cref="InvoiceValidationException">See <see cref="Render(StatementOfAccount, Stream, PdfRenderOptions?)"/>.</exception>
    public static byte[] ToBytes(StatementOfAccount statement, PdfRenderOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Render(statement, buffer, options);
        return buffer.ToArray();
    }

    /// <summary>What the file identifier is hashed from: everything printed, so the same statement gives the same bytes.</summary>
    private static byte[] Identity(StatementOfAccount statement, PdfRenderOptions options)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"statement|{statement.Seller.Name}|{statement.Customer.Name}|{statement.CustomerKey}|{statement.AsOf}|{statement.From}|{options.Language}|{options.BrandColor}");
        foreach (var section in statement.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{section.Currency.Code};{section.OpeningBalance};{section.ClosingBalance};{string.Join(';', section.Aging)}");
            foreach (var line in section.Lines)
            {
                text.Append(CultureInfo.InvariantCulture, $"|{line.Date};{line.DocumentNumber};{line.Type};{line.Reference};{line.Debit};{line.Credit};{line.RunningBalance};{line.DueDate};{line.DaysOverdue}");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Check(StatementOfAccount statement)
    {
        var issues = new List<ValidationIssue>();
        if (statement.Seller is null || string.IsNullOrWhiteSpace(statement.Seller.Name))
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Seller.Name", "The seller's name is missing."));
        }

        if (statement.Customer is null || string.IsNullOrWhiteSpace(statement.Customer.Name))
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Customer.Name", "The customer's name is missing."));
        }

        if (statement.Buckets is null)
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Buckets", "The aging columns are missing."));
        }

        if (statement.Sections is null)
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Sections", "The sections are missing."));
        }

        var columns = statement.Buckets?.Count ?? 0;
        for (var i = 0; i < (statement.Sections?.Count ?? 0); i++)
        {
            var section = statement.Sections![i];
            if (section is null || !section.Currency.IsDefined || section.Lines is null || section.Lines.Any(l => l is null || l.DocumentNumber is null)
                || section.Aging is null || section.Aging.Count != columns)
            {
                issues.Add(ValidationIssue.Error("PDF-STATEMENT-SECTION", string.Create(CultureInfo.InvariantCulture, $"Sections[{i}]"), "A section needs a currency, its lines (each with a document number) and one aging amount per column."));
            }
        }

        if (issues.Count > 0)
        {
            throw new InvoiceValidationException(issues);
        }
    }
}
