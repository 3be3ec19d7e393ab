using System.Text;
using Invoicing.Core;
using Invoicing.Pdf.Documents;

namespace Invoicing.Pdf;

/// <summary>Renders payment reminder letters (for the dunning module) to PDF.</summary>
public static class ReminderPdf
{
    /// <summary>Renders <paramref name="letter"/> into <paramref name="output"/>, which stays open.</summary>
    /// <exception cref="InvoiceValidationException">
    /// The letter has no item (rule PDF-REMINDER-ITEMS), a negative or unrounded amount (PDF-REMINDER-AMOUNT),
    /// a missing party (PDF-REQUIRED), or an option is invalid; each issue names the field.
    /// </exception>
    public static void Render(ReminderLetter letter, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(output);
        InvoicePdf.RequireWritable(output);
        options ??= PdfRenderOptions.Default;
        Check(letter);
        LetterWriter.Write(letter.Seller, options, output, (labels, formats, logo) =>
        {
            var identity = Encoding.UTF8.GetBytes(string.Join('|', [
                "reminder", letter.Seller.Name, letter.Buyer.Name, letter.Date.ToString(null, System.Globalization.CultureInfo.InvariantCulture), letter.Currency.Code, letter.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                .. letter.Items.Select(i => $"{i.InvoiceNumber};{i.AmountDue.ToString(System.Globalization.CultureInfo.InvariantCulture)};{i.DaysLate}"),
                letter.Fees.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Interest.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. letter.Paragraphs, options.Language.ToString(), options.BrandColor]));
            var metadata = new DocumentMetadata($"{labels.Reminder} {letter.Buyer.Name}", letter.Seller.Name, $"{labels.Reminder} – {letter.Seller.Name} → {letter.Buyer.Name}", letter.Date, identity);
            return new LetterParts(metadata, $"{labels.Reminder} {formats.Date(letter.Date)}", ReminderLayout.Components(letter, labels, formats, logo, options));
        });
    }

    /// <summary>Renders <paramref name="letter"/> and returns the PDF bytes.</summary>
    /// <exception cref="InvoiceValidationException">See <see cref="Render(ReminderLetter, Stream, PdfRenderOptions?)"/>.</exception>
    public static byte[] ToBytes(ReminderLetter letter, PdfRenderOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Render(letter, buffer, options);
        return buffer.ToArray();
    }

    private static void Check(ReminderLetter letter)
    {
        var issues = new List<ValidationIssue>();
        if (letter.Seller is null || string.IsNullOrWhiteSpace(letter.Seller.Name))
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Seller.Name", "The creditor's name is missing."));
        }

        if (letter.Buyer is null || string.IsNullOrWhiteSpace(letter.Buyer.Name))
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Buyer.Name", "The debtor's name is missing."));
        }

        if (!letter.Currency.IsDefined)
        {
            issues.Add(ValidationIssue.Error("PDF-REQUIRED", "Currency", "The currency is missing."));
        }

        if (letter.Items is null || letter.Items.Count == 0)
        {
            issues.Add(ValidationIssue.Error("PDF-REMINDER-ITEMS", "Items", "A reminder names at least one overdue invoice."));
        }
        else
        {
            for (var i = 0; i < letter.Items.Count; i++)
            {
                var item = letter.Items[i];
                if (item is null || string.IsNullOrWhiteSpace(item.InvoiceNumber))
                {
                    issues.Add(ValidationIssue.Error("PDF-REQUIRED", $"Items[{i}].InvoiceNumber", "The invoice number is missing."));
                }
                else if (item.AmountDue < 0 || (letter.Currency.IsDefined && !letter.Currency.IsRounded(item.AmountDue)))
                {
                    issues.Add(ValidationIssue.Error("PDF-REMINDER-AMOUNT", $"Items[{i}].AmountDue", $"The amount due {item.AmountDue} is negative or has more digits than the currency allows."));
                }
            }
        }

        if (letter.Fees < 0 || (letter.Currency.IsDefined && !letter.Currency.IsRounded(letter.Fees)))
        {
            issues.Add(ValidationIssue.Error("PDF-REMINDER-AMOUNT", "Fees", $"The fees {letter.Fees} are negative or unrounded."));
        }

        if (letter.Interest < 0 || (letter.Currency.IsDefined && !letter.Currency.IsRounded(letter.Interest)))
        {
            issues.Add(ValidationIssue.Error("PDF-REMINDER-AMOUNT", "Interest", $"The interest {letter.Interest} is negative or unrounded."));
        }

        if (issues.Count > 0)
        {
            throw new InvoiceValidationException(issues);
        }
    }
}
