using Invoicing.Core;
using Microsoft.Data.Sqlite;

namespace Invoicing.Cli;

/// <summary>
/// What a user reads when a store file given with <c>--store</c> or <c>--db</c> cannot be used: the SQLite
/// driver's text and the store's operation name stay in the exception, the line says what to check.
/// </summary>
internal static class StoreErrors
{
    public static string Describe(InvoiceStoreException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 26 } => "the database file is not a SQLite database: give the store an invoicing database file.",
        SqliteException { SqliteErrorCode: 11 } => "the database file is damaged (SQLite reports it corrupt).",
        SqliteException { SqliteErrorCode: 5 or 6 } => "the database is locked by another program; try again once it is done.",
        SqliteException { SqliteErrorCode: 8 } => "the database file is read-only.",
        SqliteException { SqliteErrorCode: 13 } => "the disk holding the database is full.",
        SqliteException { SqliteErrorCode: 14 } => "the database file cannot be opened (check the path and its permissions).",
        SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("no such", StringComparison.Ordinal) =>
            "the file is a SQLite database but not an invoicing one (its tables are missing).",
        SqliteException sqlite => $"the database refused the operation (SQLite error {sqlite.SqliteErrorCode}).",
        _ => WithoutOperation(exception),
    };

    /// <summary>The store's own sentence, without the operation name it starts with (<c>VerifyAsync: </c>).</summary>
    private static string WithoutOperation(InvoiceStoreException exception)
    {
        var prefix = exception.Operation + ": ";
        var message = exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
        return message.ReplaceLineEndings(" ");
    }
}
