namespace Invoicing.Core;

/// <summary>In-memory reminder journal and dunning settings: thread-safe, for tests, demos and single-process hosts.</summary>
public static class InMemoryReminders
{
    /// <summary>A new, empty, thread-safe journal.</summary>
    public static IReminderJournal CreateJournal() => new InMemoryReminderJournal();

    /// <summary>A new, empty, thread-safe settings store.</summary>
    public static IDunningSettingsStore CreateSettingsStore() => new InMemoryDunningSettingsStore();
}
