using NodaTime;

namespace Invoicing.Dunning;

/// <summary>A policy step placed on the calendar of one invoice.</summary>
/// <param name="Step">The step.</param>
/// <param name="Date">The due date plus the step's offset.</param>
public sealed record ScheduledStep(ReminderStep Step, LocalDate Date);
