using System.Runtime.CompilerServices;
using System.Text;

namespace Invoicing.Crm.Csv;

/// <summary>
/// A customers file and a lines file as a CRM source, so CSV goes through the same sync as a CRM: every line is a
/// won deal's line, a deal's version is the hash of its values (an edited row updates the draft, or is reported once
/// invoiced), and every run reads the whole files (the ledger skips what it applied; the cursor is not used).
/// </summary>
public sealed class CsvCrmSource : ICrmSource
{
    private const int PageSize = 500;
    private readonly IReadOnlyList<CrmCustomer> _customers;
    private readonly Dictionary<string, CrmCustomer> _byId;
    private readonly IReadOnlyList<CrmDeal> _deals;

    private CsvCrmSource(IReadOnlyList<CrmCustomer> customers, IReadOnlyList<CrmDeal> deals)
    {
        _customers = customers;
        _byId = customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _deals = deals;
    }

    /// <inheritdoc />
    public string Name => "csv";

    /// <summary>The deals read, in the order of their first line.</summary>
    public IReadOnlyList<CrmDeal> Deals => _deals;

    /// <summary>The customers read, in file order.</summary>
    public IReadOnlyList<CrmCustomer> Customers => _customers;

    /// <summary>
    /// Reads the two files (UTF-8, with or without a byte order mark). With a bad row the result has no source, unless
    /// <paramref name="skipInvalid"/>: then the source has the good rows, less every deal with a bad line.
    /// </summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static CsvImportResult Load(string customersPath, string linesPath, bool skipInvalid = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customersPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(linesPath);
        using var customers = new StreamReader(customersPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var lines = new StreamReader(linesPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(customers, Path.GetFileName(customersPath), lines, Path.GetFileName(linesPath), skipInvalid);
    }

    /// <summary>Reads the two tables from readers; <paramref name="customersName"/> and <paramref name="linesName"/> name them in errors.</summary>
    public static CsvImportResult Read(TextReader customers, string customersName, TextReader lines, string linesName, bool skipInvalid = false)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(lines);
        var customerTable = CsvTable.Read(customers, customersName, CsvColumns.RequiredCustomers);
        var lineTable = CsvTable.Read(lines, linesName, CsvColumns.RequiredLines);
        var customerRecords = CsvCrmReader.Customers(customerTable);
        var (deals, bad) = CsvCrmReader.Deals(lineTable);
        var errors = customerTable.Errors.OrderBy(e => e.Line).Concat(lineTable.Errors.OrderBy(e => e.Line)).ToArray();
        var headerBroken = errors.Any(e => e.Line == 1);
        if (errors.Length > 0 && (!skipInvalid || headerBroken))
        {
            return new CsvImportResult { Errors = errors, SkippedDeals = [.. bad] };
        }

        return new CsvImportResult
        {
            Source = new CsvCrmSource(customerRecords, [.. deals.Where(d => !bad.Contains(d.Id))]),
            Errors = errors,
            SkippedDeals = [.. deals.Where(d => bad.Contains(d.Id)).Select(d => d.Id)],
        };
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, CancellationToken cancellationToken = default) => Pages(_customers, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, CancellationToken cancellationToken = default) => Pages(_deals, cancellationToken);

    /// <inheritdoc />
    public Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Task.FromResult(_byId.GetValueOrDefault(customerId));
    }

    /// <summary>Pages of the records; each page's cursor is empty, as a file is read whole on every run.</summary>
    private static async IAsyncEnumerable<CrmPage<T>> Pages<T>(IReadOnlyList<T> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 0; start < records.Count || start == 0; start += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new CrmPage<T>([.. records.Skip(start).Take(PageSize)], new CrmCursor(null));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
