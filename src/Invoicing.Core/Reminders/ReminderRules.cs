using NodaTime;

namespace Invoicing.Core;

/// <summary>Argument checks shared by the journal types and every journal implementation.</summary>
internal static class ReminderRules
{
    public static string RequireText(string? value, string ruleId, string path, int maxLength = ReminderKey.MaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' is required and may not be blank."));
        }

        if (value.Length > maxLength)
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' is {value.Length} characters long; at most {maxLength} are accepted."));
        }

        return value;
    }

    public static void RequireAfter(Instant value, Instant reference, string ruleId, string path)
    {
        if (value <= reference)
        {
            throw new InvoiceValidationException(ValidationIssue.Error(ruleId, path, $"'{path}' ({value}) must be after {reference}."));
        }
    }
}
