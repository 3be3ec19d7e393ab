using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class AgingTests
{
    [Fact]
    public void Aging_DueDatesAtEveryBoundary_FallInTheRightBucket()
    {
        // days past due on 2026-11-28: 0, -1, 1, 30, 31, 60, 61, 90, 91
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 11, 28), 1m),
            Invoice("Acme", new LocalDate(2026, 11, 29), 2m),
            Invoice("Acme", new LocalDate(2026, 11, 27), 10m),
            Invoice("Acme", new LocalDate(2026, 10, 29), 20m),
            Invoice("Acme", new LocalDate(2026, 10, 28), 100m),
            Invoice("Acme", new LocalDate(2026, 9, 29), 200m),
            Invoice("Acme", new LocalDate(2026, 9, 28), 1_000m),
            Invoice("Acme", new LocalDate(2026, 8, 30), 2_000m),
            Invoice("Acme", new LocalDate(2026, 8, 29), 10_000m),
        };

        var report = Receivables.Aging(accounts, AsOf);

        var eur = Assert.Single(report.Currencies);
        Assert.Equal(["not due", "1-30", "31-60", "61-90", "over 90"], report.Buckets.Buckets.Select(b => b.Label));
        Assert.Equal([3m, 30m, 300m, 3_000m, 10_000m], eur.Total.Amounts);
        Assert.Equal(13_333m, eur.Total.Total);
        Assert.Equal(13_330m, eur.Total.Overdue);
        Assert.Equal(9, eur.Total.InvoiceCount);
    }

    [Fact]
    public void Aging_PaymentsAndCredits_CountOnlyUpToAsOf()
    {
        var due = new LocalDate(2026, 11, 10);
        var partly = Invoice("Acme", due, 500m, payments: [(new LocalDate(2026, 11, 15), 200m)]);
        var paidLater = Invoice("Acme", due, 300m, payments: [(new LocalDate(2026, 12, 2), 300m)]);
        var settled = Invoice("Acme", due, 400m, payments: [(new LocalDate(2026, 11, 20), 400m)]);
        var credited = Invoice("Acme", due, 250m) with { Credits = [new AppliedCredit("AV-1", new LocalDate(2026, 11, 12), 50m)] };
        var creditNote = CreditNote("Acme", new LocalDate(2026, 11, 12), 50m);
        var issuedLater = Invoice("Acme", new LocalDate(2026, 12, 31), 999m, issued: new LocalDate(2026, 11, 29));

        var report = Receivables.Aging([partly, paidLater, settled, credited, creditNote, issuedLater], AsOf);

        // 18 days past due: 300 (500 - 200) + 300 (paid after as-of) + 200 (250 - 50 credited)
        var total = Assert.Single(report.Currencies).Total;
        Assert.Equal([0m, 800m, 0m, 0m, 0m], total.Amounts);
        Assert.Equal(3, total.InvoiceCount);
    }

    [Fact]
    public void Aging_TwoCurrencies_AreNeverAddedTogether()
    {
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 11, 1), 100m),
            Invoice("Globex", new LocalDate(2026, 12, 15), 700m),
            Invoice("Acme", new LocalDate(2026, 10, 1), 50m),
            Invoice("Initech", new LocalDate(2026, 11, 1), 90m, Currency.Usd),
        };

        var report = Receivables.Aging(accounts, AsOf);

        Assert.Equal(["EUR", "USD"], report.Currencies.Select(c => c.Currency.Code));
        var eur = report.For("eur")!;
        Assert.Equal(850m, eur.Total.Total);
        Assert.Equal([("Globex", 700m, 0m), ("Acme", 150m, 150m)], eur.Customers.Select(c => (c.CustomerKey, c.Total, c.Overdue)));
        Assert.Equal([0m, 100m, 50m, 0m, 0m], eur.Customers[1].Amounts);
        Assert.Equal(90m, report.For("USD")!.Total.Total);
        Assert.Null(report.For("JPY"));
    }

    [Fact]
    public void TopDebtors_TakesLargestBalancesOfOneCurrency()
    {
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 11, 1), 100m),
            Invoice("Globex", new LocalDate(2026, 11, 1), 300m),
            Invoice("Initech", new LocalDate(2026, 11, 1), 200m),
            Invoice("Umbrella", new LocalDate(2026, 11, 1), 5_000m, Currency.Usd),
        };
        var report = Receivables.Aging(accounts, AsOf);

        Assert.Equal(["Globex", "Initech"], Receivables.TopDebtors(report, "EUR", 2).Select(r => r.CustomerKey));
        Assert.Empty(Receivables.TopDebtors(report, "GBP"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Receivables.TopDebtors(report, "EUR", 0));
    }

    [Fact]
    public void Aging_CustomBuckets_UseTheirBoundaries()
    {
        var buckets = AgingBuckets.FromBoundaries(15, 45);
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 11, 13), 1m), // 15 days
            Invoice("Acme", new LocalDate(2026, 11, 12), 2m), // 16 days
            Invoice("Acme", new LocalDate(2026, 10, 14), 4m), // 45 days
            Invoice("Acme", new LocalDate(2026, 10, 13), 8m), // 46 days
        };

        var report = Receivables.Aging(accounts, AsOf, buckets);

        Assert.Equal(["not due", "1-15", "16-45", "over 45"], buckets.Buckets.Select(b => b.Label));
        Assert.Equal([0m, 1m, 6m, 8m], report.Currencies[0].Total.Amounts);
    }

    [Theory]
    [InlineData(new[] { 30, 30 }, "buckets[1]")]
    [InlineData(new[] { 0 }, "buckets[0]")]
    [InlineData(new[] { -5, 10 }, "buckets[0]")]
    [InlineData(new[] { 60, 30 }, "buckets[1]")]
    public void FromBoundaries_NotIncreasingOrNotPositive_NamesTheBoundary(int[] bounds, string path)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => AgingBuckets.FromBoundaries(bounds));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("REP-AGING-BUCKETS", path), (issue.RuleId, issue.Path));
    }

    [Fact]
    public void FromBoundaries_TooMany_IsRejected() =>
        Assert.Throws<InvoiceValidationException>(() => AgingBuckets.FromBoundaries(Enumerable.Range(1, 51).ToArray()));

    [Fact]
    public void FromBoundaries_None_GivesNotDueAndOverZero()
    {
        var buckets = AgingBuckets.FromBoundaries([]);

        Assert.Equal(["not due", "over 0"], buckets.Buckets.Select(b => b.Label));
    }

    [Fact]
    public void Aging_NullAccount_NamesItsPosition()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Receivables.Aging([Invoice("Acme", AsOf, 1m), null!], AsOf));

        Assert.Equal(("REP-ACCOUNT-NULL", "accounts[1]"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public void Aging_AccountWithoutCurrency_NamesTheField()
    {
        var account = Invoice("Acme", AsOf, 1m);
        account = account with { Invoice = account.Invoice with { Document = account.Invoice.Document with { Currency = default } } };

        var error = Assert.Throws<InvoiceValidationException>(() => Receivables.Aging([account], AsOf));

        Assert.Equal(("REP-CURRENCY", "accounts[0].invoice.currency"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public void Aging_Empty_HasNoSection()
    {
        var report = Receivables.Aging([], AsOf);

        Assert.Empty(report.Currencies);
    }

    [Fact]
    public async Task AgingAsync_Stream_GivesTheSameReport()
    {
        var accounts = new[] { Invoice("Acme", new LocalDate(2026, 11, 1), 100m), Invoice("Globex", new LocalDate(2026, 7, 1), 70m) };

        var report = await Receivables.AgingAsync(Stream(accounts), AsOf);

        Assert.Equal(Receivables.Aging(accounts, AsOf).Currencies[0].Total.Amounts, report.Currencies[0].Total.Amounts);
        Assert.Equal([0m, 100m, 0m, 0m, 70m], report.Currencies[0].Total.Amounts);
    }

    [Fact]
    public void Overdue_ListsOpenInvoicesPastDueWithTheirDays()
    {
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 11, 28), 1m),
            Invoice("Acme", new LocalDate(2026, 11, 27), 10m),
            Invoice("Globex", new LocalDate(2026, 8, 29), 20m, payments: [(new LocalDate(2026, 9, 1), 5m)]),
            Invoice("Globex", new LocalDate(2026, 8, 29), 30m, payments: [(new LocalDate(2026, 9, 1), 30m)]),
        };

        var overdue = Receivables.Overdue(accounts, AsOf).ToList();

        Assert.Equal([("Acme", 1, 10m), ("Globex", 91, 15m)], overdue.Select(o => (o.CustomerKey, o.DaysOverdue, o.Balance)));
    }

    [Fact]
    public async Task OverdueAsync_Stream_IsLazyAndMatches()
    {
        var accounts = new[] { Invoice("Acme", new LocalDate(2026, 11, 1), 10m), Invoice("Acme", new LocalDate(2026, 12, 1), 10m) };
        var found = new List<OverdueInvoice>();
        await foreach (var item in Receivables.OverdueAsync(Stream(accounts), AsOf))
        {
            found.Add(item);
        }

        Assert.Equal(27, Assert.Single(found).DaysOverdue);
    }

    [Property(MaxTest = 200)]
    public Property Aging_AnyLedger_BucketsSumToTotalAndCustomersSumToTotal(PositiveInt[] amounts, int[] offsets)
    {
        var accounts = amounts
            .Zip(offsets, (amount, offset) => Invoice(
                "C" + (amount.Get % 5),
                AsOf.PlusDays(offset % 400),
                amount.Get / 100m,
                amount.Get % 3 == 0 ? Currency.Usd : Currency.Eur,
                issued: AsOf.PlusDays(-500)))
            .ToList();

        var report = Receivables.Aging(accounts, AsOf);

        var open = accounts.Sum(a => a.Balance);
        return (report.Currencies.Sum(c => c.Total.Total) == open
            && report.Currencies.All(c => c.Total.Amounts.Sum() == c.Total.Total
                && c.Customers.Sum(r => r.Total) == c.Total.Total
                && c.Customers.Sum(r => r.InvoiceCount) == c.Total.InvoiceCount)).ToProperty();
    }
}
