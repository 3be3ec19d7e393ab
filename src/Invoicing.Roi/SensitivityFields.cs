namespace Invoicing.Roi;

/// <summary>The inputs of the detailed model that the sensitivity table varies, with how to read and change each.</summary>
internal static class SensitivityFields
{
    public static IReadOnlyList<Field> Detailed { get; } =
    [
        new("invoicesPerMonth", i => i.InvoicesPerMonth, (i, v) => i with { InvoicesPerMonth = v }),
        new("manualMinutesPerInvoice", i => i.ManualMinutesPerInvoice, (i, v) => i with { ManualMinutesPerInvoice = v }),
        new("automatedMinutesPerInvoice", i => i.AutomatedMinutesPerInvoice, (i, v) => i with { AutomatedMinutesPerInvoice = v }),
        new("hourlyCost", i => i.HourlyCost, (i, v) => i with { HourlyCost = v }),
        new("errorRate", i => i.ErrorRate, (i, v) => i with { ErrorRate = v }, IsFraction: true),
        new("errorReduction", i => i.ErrorReduction, (i, v) => i with { ErrorReduction = v }, IsFraction: true),
        new("costPerError", i => i.CostPerError, (i, v) => i with { CostPerError = v }),
        new("printingAndPostagePerInvoice", i => i.PrintingAndPostagePerInvoice, (i, v) => i with { PrintingAndPostagePerInvoice = v }),
        new("archivingPerYear", i => i.ArchivingPerYear, (i, v) => i with { ArchivingPerYear = v }),
        new("averageInvoiceAmount", i => i.AverageInvoiceAmount, (i, v) => i with { AverageInvoiceAmount = v }),
        new("dsoBeforeDays", i => i.DsoBeforeDays, (i, v) => i with { DsoBeforeDays = v }),
        new("dsoAfterDays", i => i.DsoAfterDays, (i, v) => i with { DsoAfterDays = v }),
        new("costOfCapital", i => i.CostOfCapital, (i, v) => i with { CostOfCapital = v }, IsFraction: true),
        new("subscriptionPerYear", i => i.SubscriptionPerYear, (i, v) => i with { SubscriptionPerYear = v }),
        new("setupCost", i => i.SetupCost, (i, v) => i with { SetupCost = v }),
        new("trainingCost", i => i.TrainingCost, (i, v) => i with { TrainingCost = v }),
        new("discountRate", i => i.DiscountRate, (i, v) => i with { DiscountRate = v }, IsFraction: true),
    ];

    /// <summary>One input: its camel-case name, how to read it, how to change it, and whether it is a fraction capped at 1.</summary>
    internal sealed record Field(string Name, Func<RoiInputs, decimal> Get, Func<RoiInputs, decimal, RoiInputs> With, bool IsFraction = false);
}
