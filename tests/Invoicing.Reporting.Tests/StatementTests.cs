using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class StatementTests
{
    private static readonly LocalDate Sep1 = new(2026, 9, 1);

    [Fact]
    public void Build_OpenItems_ListsOpenInvoicesWithTheirPaymentsAndCreditsAndOmitsSettledOnes()
    {
        // Worked by hand on 2026-11-28 (AsOf):
        //   A 1,000.00 issued 09-01, due 10-01, paid 400.00 on 10-15 -> 600.00 open, 58 days past due (31-60)
        //   B   500.00 issued 10-01, due 10-31, credit note 200.00 on 10-20 -> 300.00 open, 28 days (1-30)
        //   C   250.00 issued 11-01, due 12-01 -> 250.00 open, not due
        //   D   800.00 issued 09-15, paid in full 10-10 -> settled, omitted
        //   E   900.00 issued 11-29 -> after the statement date, omitted
        //   A's second payment of 100.00 on 12-02 is after the statement date: left out.
        var a = Invoice("Acme", new LocalDate(2026, 10, 1), 1_000m, issued: Sep1, payments: [(new LocalDate(2026, 10, 15), 400m), (new LocalDate(2026, 12, 2), 100m)]);
        var (b, creditNote) = Credited(Invoice("Acme", new LocalDate(2026, 10, 31), 500m, issued: new LocalDate(2026, 10, 1)), new LocalDate(2026, 10, 20), 200m);
        var c = Invoice("Acme", new LocalDate(2026, 12, 1), 250m, issued: new LocalDate(2026, 11, 1));
        var d = Invoice("Acme", new LocalDate(2026, 10, 15), 800m, issued: new LocalDate(2026, 9, 15), payments: [(new LocalDate(2026, 10, 10), 800m)]);
        var e = Invoice("Acme", new LocalDate(2026, 12, 29), 900m, issued: new LocalDate(2026, 11, 29));
        var other = Invoice("Globex", new LocalDate(2026, 10, 1), 7_777m, issued: Sep1);

        var statement = Statements.Build([a, b, creditNote, c, d, e, other], new StatementRequest("Acme", AsOf));

        Assert.Null(statement.From);
        Assert.Equal("Acme", statement.Customer.Name);
        var eur = Assert.Single(statement.Sections);
        Assert.Equal(0m, eur.OpeningBalance);
        Assert.Equal(
            [
                (Sep1, a.Number, StatementLineType.Invoice, 1_000m, 0m, 1_000m),
                (new LocalDate(2026, 10, 1), b.Number, StatementLineType.Invoice, 500m, 0m, 1_500m),
                (new LocalDate(2026, 10, 15), a.Number, StatementLineType.Payment, 0m, 400m, 1_100m),
                (new LocalDate(2026, 10, 20), creditNote.Number, StatementLineType.CreditNote, 0m, 200m, 900m),
                (new LocalDate(2026, 11, 1), c.Number, StatementLineType.Invoice, 250m, 0m, 1_150m),
            ],
            eur.Lines.Select(l => (l.Date, l.DocumentNumber, l.Type, l.Debit, l.Credit, l.RunningBalance)));
        Assert.Equal(b.Number, eur.Lines[3].Reference);
        Assert.Equal([(new LocalDate(2026, 10, 1), 58), (new LocalDate(2026, 10, 31), 28), (new LocalDate(2026, 12, 1), 0)], eur.Lines.Where(l => l.Type == StatementLineType.Invoice).Select(l => (l.DueDate!.Value, l.DaysOverdue!.Value)));
        Assert.All(eur.Lines.Where(l => l.Type != StatementLineType.Invoice), l => Assert.Null(l.DueDate));
        Assert.Equal(1_750m, eur.TotalDebit);
        Assert.Equal(600m, eur.TotalCredit);
        Assert.Equal(1_150m, eur.ClosingBalance);
        Assert.Equal([250m, 300m, 600m, 0m, 0m], eur.Aging);
    }

    [Fact]
    public void Build_FromADay_SumsEarlierMovementsIntoTheOpeningBalanceAndListsSettledItemsOfThePeriod()
    {
        // Period 2026-10-01 .. 2026-11-28. Before it: A 1,000.00 issued 09-01 and a payment of 300.00 on 09-20 -> opening 700.00.
        // In it: A paid 700.00 on 10-05 (settled, still listed), B 400.00 issued 10-10, credit note 50.00 on B on 11-02.
        var a = Invoice("Acme", new LocalDate(2026, 10, 1), 1_000m, issued: Sep1, payments: [(new LocalDate(2026, 9, 20), 300m), (new LocalDate(2026, 10, 5), 700m)]);
        var (b, creditNote) = Credited(Invoice("Acme", new LocalDate(2026, 11, 9), 400m, issued: new LocalDate(2026, 10, 10)), new LocalDate(2026, 11, 2), 50m);
        var from = new LocalDate(2026, 10, 1);

        var statement = Statements.Build([a, b, creditNote], new StatementRequest("Acme", AsOf) { From = from });

        var eur = Assert.Single(statement.Sections);
        Assert.Equal(from, statement.From);
        Assert.Equal(700m, eur.OpeningBalance);
        Assert.Equal(
            [
                (StatementLineType.Payment, a.Number, 0m, 700m, 0m),
                (StatementLineType.Invoice, b.Number, 400m, 0m, 400m),
                (StatementLineType.CreditNote, creditNote.Number, 0m, 50m, 350m),
            ],
            eur.Lines.Select(l => (l.Type, l.DocumentNumber, l.Debit, l.Credit, l.RunningBalance)));
        Assert.Equal(350m, eur.ClosingBalance);
        Assert.Equal(19, eur.Lines[1].DaysOverdue);
        Assert.Equal([0m, 350m, 0m, 0m, 0m], eur.Aging);
    }

    [Fact]
    public void Build_CreditAfterFullPayment_GivesANegativeBalanceAgedAsNotDue()
    {
        // 600.00 paid in full on 10-10, then a credit note of 150.00 on 10-20: the seller owes 150.00 back.
        // A credit note that credits no invoice of the store (issued 11-05, 40.00) stays on account as a credit.
        var (paid, creditNote) = Credited(Invoice("Acme", new LocalDate(2026, 10, 1), 600m, issued: Sep1, payments: [(new LocalDate(2026, 10, 10), 600m)]), new LocalDate(2026, 10, 20), 150m);
        var onAccount = CreditNote("Acme", new LocalDate(2026, 11, 5), 40m);

        var statement = Statements.Build([paid, creditNote, onAccount], new StatementRequest("Acme", AsOf));

        var eur = Assert.Single(statement.Sections);
        Assert.Equal(
            [(StatementLineType.Invoice, 600m, 0m, 600m), (StatementLineType.Payment, 0m, 600m, 0m), (StatementLineType.CreditNote, 0m, 150m, -150m), (StatementLineType.CreditNote, 0m, 40m, -190m)],
            eur.Lines.Select(l => (l.Type, l.Debit, l.Credit, l.RunningBalance)));
        Assert.Null(eur.Lines[0].DaysOverdue);
        Assert.Null(eur.Lines[3].Reference);
        Assert.Equal(-190m, eur.ClosingBalance);
        Assert.Equal([-190m, 0m, 0m, 0m, 0m], eur.Aging);
    }

    [Fact]
    public void Build_InvoiceInAnotherCurrency_HasItsOwnSection()
    {
        var eur = Invoice("Acme", new LocalDate(2026, 11, 1), 100m, issued: Sep1);
        var usd = Invoice("Acme", new LocalDate(2026, 10, 1), 70m, Currency.Usd, issued: Sep1, payments: [(new LocalDate(2026, 10, 2), 20m)]);

        var statement = Statements.Build([usd, eur], new StatementRequest("Acme", AsOf));

        Assert.Equal(["EUR", "USD"], statement.Sections.Select(s => s.Currency.Code));
        Assert.Equal(100m, statement.For("eur")!.ClosingBalance);
        Assert.Equal(50m, statement.For("USD")!.ClosingBalance);
        Assert.Equal([0m, 0m, 50m, 0m, 0m], statement.For("USD")!.Aging);
        Assert.Null(statement.For("JPY"));
    }

    [Fact]
    public void Build_EverythingSettled_GivesAnEmptySectionWithAZeroBalance()
    {
        var paid = Invoice("Acme", new LocalDate(2026, 10, 1), 100m, issued: Sep1, payments: [(new LocalDate(2026, 10, 1), 100m)]);

        var section = Assert.Single(Statements.Build([paid], new StatementRequest("Acme", AsOf)).Sections);

        Assert.Empty(section.Lines);
        Assert.Equal(0m, section.ClosingBalance);
        Assert.All(section.Aging, amount => Assert.Equal(0m, amount));
    }

    [Fact]
    public void Build_OtherBuckets_AgeByThem()
    {
        var late = Invoice("Acme", new LocalDate(2026, 11, 1), 100m, issued: Sep1);

        var statement = Statements.Build([late], new StatementRequest("Acme", AsOf) { Buckets = AgingBuckets.FromBoundaries(15, 45) });

        Assert.Equal(["not due", "1-15", "16-45", "over 45"], statement.Buckets.Buckets.Select(b => b.Label));
        Assert.Equal([0m, 0m, 100m, 0m], statement.Sections[0].Aging);
    }

    [Fact]
    public void Build_UnknownCustomer_ThrowsNamingTheCustomerKey()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build([Invoice("Acme", AsOf, 1m)], new StatementRequest("Initech", AsOf)));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal(("REP-STATEMENT-CUSTOMER", "customerKey"), (issue.RuleId, issue.Path));
        Assert.Equal("There is no document for customer 'Initech'.", issue.Message);
    }

    [Fact]
    public void Build_EmptyInput_ThrowsNamingTheCustomerKey()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build([], new StatementRequest("Acme", AsOf)));

        Assert.Equal("REP-STATEMENT-CUSTOMER", Assert.Single(exception.Issues).RuleId);
    }

    [Fact]
    public void Build_DateBeforeTheFirstDocument_ThrowsNamingAsOfAndTheFirstDate()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build([Invoice("Acme", AsOf, 1m, issued: Sep1)], new StatementRequest("Acme", new LocalDate(2026, 8, 31))));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal(("REP-STATEMENT-DATE", "asOf"), (issue.RuleId, issue.Path));
        Assert.Equal("Customer 'Acme' has no document issued on or before 2026-08-31; the first is dated 2026-09-01.", issue.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Build_BlankCustomerKey_ThrowsBeforeReading(string key)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build(Unreadable(), new StatementRequest(key, AsOf)));

        Assert.Equal(("REP-STATEMENT-CUSTOMER", "customerKey"), (exception.Issues[0].RuleId, exception.Issues[0].Path));
    }

    [Fact]
    public void Build_PeriodStartingAfterTheStatementDate_ThrowsNamingFrom()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build(Unreadable(), new StatementRequest("Acme", AsOf) { From = AsOf.PlusDays(1) }));

        Assert.Equal(("REP-STATEMENT-PERIOD", "from"), (exception.Issues[0].RuleId, exception.Issues[0].Path));
    }

    [Fact]
    public void Build_NullAccount_ThrowsNamingItsPosition()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => Statements.Build([Invoice("Acme", AsOf, 1m), null!], new StatementRequest("Acme", AsOf)));

        Assert.Equal(("REP-ACCOUNT-NULL", "accounts[1]"), (exception.Issues[0].RuleId, exception.Issues[0].Path));
    }

    [Fact]
    public async Task BuildAsync_StoreWithIssuedDocuments_AppliesTheStoresCreditsAndPayments()
    {
        // The store applies a credit note to the invoice it names and keeps the payments: the statement reads them back.
        var store = InvoiceStores.CreateInMemory();
        var seller = new Party { Name = "Atelier Lumière SAS", VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } };
        var buyer = new Party { Name = "Hôtel du Parc", Identifiers = [new Identifier("HDP-7")] };
        var first = await IssueAsync(store, seller, buyer, Sep1, 1_000m);
        var second = await IssueAsync(store, seller, buyer, new LocalDate(2026, 10, 1), 300m);
        await IssueAsync(store, seller, new Party { Name = "Garage Martin" }, new LocalDate(2026, 10, 1), 50m);
        await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), first.Number, new LocalDate(2026, 10, 5), 1_000m, PaymentMethod.CreditTransfer, "VIR-881"));
        var credit = await IssueAsync(store, seller, buyer, new LocalDate(2026, 10, 12), 100m, DocumentType.CreditNote, second.Number);

        var fromStore = await Statements.BuildAsync(store, new StatementRequest("HDP-7", AsOf) { From = Sep1 });
        var fromStream = await Statements.BuildAsync(store.QueryAsync(InvoiceQuery.All), new StatementRequest("HDP-7", AsOf) { From = Sep1 });

        var eur = Assert.Single(fromStore.Sections);
        Assert.Equal(
            [
                (first.Number, StatementLineType.Invoice, (string?)null, 1_000m, 0m, 1_000m),
                (second.Number, StatementLineType.Invoice, null, 300m, 0m, 1_300m),
                (first.Number, StatementLineType.Payment, "VIR-881", 0m, 1_000m, 300m),
                (credit.Number, StatementLineType.CreditNote, second.Number, 0m, 100m, 200m),
            ],
            eur.Lines.Select(l => (l.DocumentNumber, l.Type, l.Reference, l.Debit, l.Credit, l.RunningBalance)));
        Assert.Equal(200m, eur.ClosingBalance);
        Assert.Equal("Hôtel du Parc", fromStore.Customer.Name);
        Assert.Equal(eur.Lines, Assert.Single(fromStream.Sections).Lines);
    }

    private static (InvoiceAccount Invoice, InvoiceAccount CreditNote) Credited(InvoiceAccount invoice, LocalDate date, decimal amount)
    {
        var creditNote = CreditNote(invoice.Invoice.Document.Buyer.Name, date, amount);
        return (invoice with { Credits = [.. invoice.Credits, new AppliedCredit(creditNote.Number, date, amount)] }, creditNote);
    }

    private static IEnumerable<InvoiceAccount> Unreadable()
    {
        throw new InvalidOperationException("The accounts must not be read when the request is refused.");
#pragma warning disable CS0162 // Unreachable: the iterator exists only to throw when read.
        yield break;
#pragma warning restore CS0162
    }

    private static Task<IssuedInvoice> IssueAsync(IInvoiceStore store, Party seller, Party buyer, LocalDate issued, decimal net, DocumentType type = DocumentType.Invoice, string? credits = null) =>
        store.IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                Type = type,
                IssueDate = issued,
                DueDate = type == DocumentType.CreditNote ? null : issued.PlusDays(30),
                Currency = Currency.Eur,
                Seller = seller,
                Buyer = buyer,
                PrecedingInvoices = credits is null ? [] : [new PrecedingInvoiceReference(credits, issued)],
                Lines = [new InvoiceLine { Id = "1", ItemName = "Luminaire", Quantity = 1, NetPrice = net, VatCategory = VatCategory.Z, VatRate = 0m }],
            },
            Series = type == DocumentType.CreditNote ? NumberSeries.DefaultCreditNotes : NumberSeries.DefaultInvoices,
            IssuedAt = issued.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        });
}
