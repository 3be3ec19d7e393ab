using System.Net.Sockets;
using Invoicing.Core;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>Turns driver failures into <see cref="InvoiceStoreException"/>: the operation was not carried out.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>SQLSTATE of a unique violation.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>Whether the exception is an I/O or driver failure rather than a domain refusal.</summary>
    public static bool IsInfrastructure(Exception exception) => exception switch
    {
        InvoiceStoreException => false,
        NpgsqlException => true,
        ObjectDisposedException => false,
        TimeoutException => true,
        IOException => true,
        SocketException => true,
        InvalidOperationException => true,
        _ => false,
    };

    public static InvoiceStoreException Wrap(string operation, Exception exception)
    {
        var message = exception switch
        {
            PostgresException postgres => $"the server refused the command ({postgres.SqlState}: {postgres.MessageText})",
            NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => "the PostgreSQL server cannot be reached or closed the connection: " + exception.Message,
            _ => exception.Message,
        };
        return new InvoiceStoreException(operation, message + "; nothing was changed", exception);
    }
}
