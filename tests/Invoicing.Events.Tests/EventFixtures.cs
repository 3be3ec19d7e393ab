using Invoicing.Core;
using NodaTime;

namespace Invoicing.Events.Tests;

/// <summary>Invoices to issue and handlers that record what they get.</summary>
internal static class EventFixtures
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 9, 0);

    public static Invoice Draft(int dueInDays = 30) => new()
    {
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 11, 2).PlusDays(dueInDays),
        Currency = Currency.Eur,
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
        Buyer = new Party { Name = "Client", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
        Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = 100m, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    public static IssueRequest Request(Invoice? document = null) => new()
    {
        Document = document ?? Draft(),
        Series = NumberSeries.DefaultInvoices,
        IssuedAt = Start,
    };
}

/// <summary>Records every event it is given; throws while <see cref="FailOn"/> says so.</summary>
internal sealed class RecordingHandler(string name) : IInvoiceEventHandler
{
    private readonly Lock _gate = new();
    private readonly List<InvoiceEvent> _received = [];

    public string Name { get; } = name;

    /// <summary>Throws on the events it returns true for (the event still counts as received).</summary>
    public Func<InvoiceEvent, bool> FailOn { get; set; } = _ => false;

    public IReadOnlyList<InvoiceEvent> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _received.Add(invoiceEvent);
        }

        return FailOn(invoiceEvent) ? throw new InvalidOperationException("The CRM is down.") : Task.CompletedTask;
    }
}
