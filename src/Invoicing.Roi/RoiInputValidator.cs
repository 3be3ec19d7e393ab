using System.Globalization;

namespace Invoicing.Roi;

/// <summary>Checks the inputs and lists every field out of range.</summary>
internal static class RoiInputValidator
{
    public static void Validate(RoiInputs inputs)
    {
        var issues = new List<RoiInputIssue>();
        foreach (var field in SensitivityFields.Detailed)
        {
            Check(issues, field.Name, field.Get(inputs), field.IsFraction, field.Name.StartsWith("dso", StringComparison.Ordinal) ? RoiCalculator.MaxDsoDays : RoiCalculator.MaxValue);
        }

        if (issues.Count == 0 && inputs.Investment <= 0m)
        {
            issues.Add(new RoiInputIssue("investment", "ROI-ZERO-INVESTMENT", "The investment (setupCost + trainingCost) must be above zero: the ROI divides by it."));
        }

        Throw(issues);
    }

    public static void ValidateTotals(decimal investment, decimal annualBenefits, decimal discountRate, decimal annualRunningCosts)
    {
        var issues = new List<RoiInputIssue>();
        Check(issues, "investment", investment, false, RoiCalculator.MaxValue);
        Check(issues, "annualBenefits", annualBenefits, false, RoiCalculator.MaxValue);
        Check(issues, "discountRate", discountRate, true, 1m);
        Check(issues, "annualRunningCosts", annualRunningCosts, false, RoiCalculator.MaxValue);
        if (investment == 0m)
        {
            issues.Add(new RoiInputIssue("investment", "ROI-ZERO-INVESTMENT", "The investment must be above zero: the ROI divides by it."));
        }

        Throw(issues);
    }

    private static void Check(List<RoiInputIssue> issues, string field, decimal value, bool isFraction, decimal max)
    {
        if (value < 0m)
        {
            issues.Add(new RoiInputIssue(field, "ROI-NEGATIVE", string.Create(CultureInfo.InvariantCulture, $"{field} must be zero or more, not {value}.")));
        }
        else if (isFraction && value > 1m)
        {
            issues.Add(new RoiInputIssue(field, "ROI-FRACTION", string.Create(CultureInfo.InvariantCulture, $"{field} is a fraction between 0 and 1 (0.05 for 5 %), not {value}.")));
        }
        else if (value > max)
        {
            issues.Add(new RoiInputIssue(field, "ROI-TOO-LARGE", string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {max}, not {value}.")));
        }
    }

    private static void Throw(List<RoiInputIssue> issues)
    {
        if (issues.Count > 0)
        {
            throw new RoiInputException(issues);
        }
    }
}
