namespace Invoicing.Cli;

/// <summary>The exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done; the invoice is valid.</summary>
    public const int Ok = 0;

    /// <summary>The invoice was read but breaks rules (or its stated totals are wrong); or some reminders could not be sent.</summary>
    public const int Invalid = 1;

    /// <summary>Bad input: unreadable file, not an invoice, wrong arguments.</summary>
    public const int BadInput = 2;

    /// <summary>A fault of the tool itself, not of the input: the command stopped and says so in one line.</summary>
    public const int InternalError = 3;
}
