using NodaTime;

namespace Invoicing.Core;

/// <summary>The checks of <see cref="RecurringOptions"/>, shared by the runner's constructor and the start-up validation.</summary>
internal static class RecurringOptionsRules
{
    /// <summary>What is wrong with the options, in one sentence; null when nothing is.</summary>
    public static string? Problem(RecurringOptions options) =>
        string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > ReminderKey.MaxLength ? "RecurringOptions.WorkerId must be 1 to 200 characters."
        : options.LeaseDuration <= Duration.Zero ? "RecurringOptions.LeaseDuration must be positive."
        : options.MaxPeriodsPerRun < 1 ? "RecurringOptions.MaxPeriodsPerRun must be at least 1."
        : null;
}
