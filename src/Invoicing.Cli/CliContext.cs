using NodaTime;

namespace Invoicing.Cli;

/// <summary>What commands write to and read the time from, so tests can run them in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one-line errors.</param>
/// <param name="Clock">The clock (the system clock outside tests).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IClock Clock);
