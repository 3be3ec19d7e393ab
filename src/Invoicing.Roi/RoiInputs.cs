namespace Invoicing.Roi;

/// <summary>
/// What invoicing costs today and what automating it changes. Every input has a documented default, taken from
/// the reference case of a small business that spends about 12 hours a week on its invoices; change what you know.
/// Amounts are in one currency (EUR in the defaults), per year unless the name says otherwise.
/// </summary>
public sealed record RoiInputs
{
    /// <summary>Invoices issued per month. Default 200.</summary>
    public decimal InvoicesPerMonth { get; init; } = 200m;

    /// <summary>
    /// Minutes of work per invoice done by hand (typing, checking, sending, filing, chasing). Default 15: with
    /// 200 invoices a month that is 50 hours a month, about 11.5 hours a week (the reference case: 12 hours a week).
    /// </summary>
    public decimal ManualMinutesPerInvoice { get; init; } = 15m;

    /// <summary>Minutes of work per invoice once automated (review and exceptions). Default 3.</summary>
    public decimal AutomatedMinutesPerInvoice { get; init; } = 3m;

    /// <summary>Loaded cost of one hour of the staff who invoice. Default 35.</summary>
    public decimal HourlyCost { get; init; } = 35m;

    /// <summary>Share of manual invoices with an error (wrong amount, VAT, address), a fraction in [0, 1]. Default 0.03.</summary>
    public decimal ErrorRate { get; init; } = 0.03m;

    /// <summary>Share of those errors that automation removes, a fraction in [0, 1]. Default 0.80 (about 80 % fewer errors).</summary>
    public decimal ErrorReduction { get; init; } = 0.80m;

    /// <summary>What one error costs to find and fix (credit note, new invoice, call, delay). Default 40.</summary>
    public decimal CostPerError { get; init; } = 40m;

    /// <summary>Printing, envelope and postage per paper invoice, saved when sent electronically. Default 1.50.</summary>
    public decimal PrintingAndPostagePerInvoice { get; init; } = 1.50m;

    /// <summary>Yearly cost of keeping paper archives (space, boxes, retrieval), saved by the electronic archive. Default 1,500.</summary>
    public decimal ArchivingPerYear { get; init; } = 1_500m;

    /// <summary>Average amount of an invoice, used to value the cash freed by a shorter DSO. Default 800.</summary>
    public decimal AverageInvoiceAmount { get; init; } = 800m;

    /// <summary>Days sales outstanding today. Default 45.</summary>
    public decimal DsoBeforeDays { get; init; } = 45m;

    /// <summary>Days sales outstanding after automation (reminders, online payment links). Default 25: about 20 days shorter.</summary>
    public decimal DsoAfterDays { get; init; } = 25m;

    /// <summary>Yearly cost of capital (overdraft or financing rate) applied to the cash freed, a fraction in [0, 1]. Default 0.05.</summary>
    public decimal CostOfCapital { get; init; } = 0.05m;

    /// <summary>Software subscription per year, a running cost deducted from the benefits. Default 1,200.</summary>
    public decimal SubscriptionPerYear { get; init; } = 1_200m;

    /// <summary>One-off setup cost (configuration, data import), part of the investment. Default 1,000.</summary>
    public decimal SetupCost { get; init; } = 1_000m;

    /// <summary>One-off training cost, part of the investment. Default 500.</summary>
    public decimal TrainingCost { get; init; } = 500m;

    /// <summary>Yearly discount rate for the NPV, a fraction in [0, 1]. Default 0.08.</summary>
    public decimal DiscountRate { get; init; } = 0.08m;

    /// <summary>The one-off investment: setup plus training.</summary>
    public decimal Investment => SetupCost + TrainingCost;
}
