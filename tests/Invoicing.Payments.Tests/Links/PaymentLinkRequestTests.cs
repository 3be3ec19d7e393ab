using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments.Tests.Links;

public sealed class PaymentLinkRequestTests
{
    private static readonly Instant Expiry = PaymentFixtures.Start.Plus(Duration.FromHours(24));
    private static readonly Uri Success = new("https://shop.example.com/paid");
    private static readonly Uri Cancel = new("https://shop.example.com/invoices");

    [Fact]
    public async Task ForOpenBalance_PartlyPaidInvoice_AsksForTheBalanceInItsCurrencyForItsCustomer()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 45.5m));

        var request = PaymentLinkRequest.ForOpenBalance(await fixture.AccountAsync(invoice.Number), Expiry, Success, Cancel);

        Assert.Equal(invoice.Number, request.InvoiceNumber);
        Assert.Equal(74.5m, request.Amount);
        Assert.Equal(Currency.Eur, request.Currency);
        Assert.Equal(invoice.Document.CustomerKey, request.CustomerKey);
        Assert.Equal(Expiry, request.ExpiresAt);
        Assert.Equal(Success, request.SuccessUrl);
        Assert.Equal(Cancel, request.CancelUrl);
    }

    [Fact]
    public async Task ForOpenBalance_PaidInvoice_IsRefused()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Recorder.RecordAsync(PaymentFixtures.Report(invoice.Number, 120m));

        AssertRefused("PAY-LINK-PAID", "status", await fixture.AccountAsync(invoice.Number));
    }

    [Fact]
    public async Task ForOpenBalance_CreditedInvoice_IsRefused()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        var credit = await fixture.CreditInFullAsync(invoice);

        AssertRefused("PAY-LINK-CREDITED", "status", await fixture.AccountAsync(invoice.Number));
        AssertRefused("PAY-LINK-CREDIT-NOTE", "invoiceNumber", await fixture.AccountAsync(credit.Number));
    }

    [Fact]
    public async Task ForOpenBalance_WrittenOffInvoice_IsRefused()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync();
        await fixture.Store.WriteOffAsync(new WriteOff(invoice.Number, new LocalDate(2026, 11, 20), "Liquidation judiciaire"));

        AssertRefused("PAY-LINK-WRITTEN-OFF", "status", await fixture.AccountAsync(invoice.Number));
    }

    [Fact]
    public async Task ForOpenBalance_ZeroAmountInvoice_IsRefusedAsNothingDue()
    {
        await using var fixture = new PaymentFixtures();
        var invoice = await fixture.IssueAsync(netPrice: 0m);

        var account = await fixture.AccountAsync(invoice.Number);

        Assert.Equal(0m, account.Balance);
        var exception = Assert.Throws<InvoiceValidationException>(() => PaymentLinkRequest.ForOpenBalance(account, Expiry, Success, Cancel));
        Assert.Equal("PAY-LINK-NOTHING-DUE", Assert.Single(exception.Issues).RuleId);
    }

    public static TheoryData<string, string, string, string, decimal, string, string, string> BadFields() => new()
    {
        { "PAY-LINK-INVOICE", "invoiceNumber", "", "C1", 10m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-INVOICE", "invoiceNumber", new string('9', 201), "C1", 10m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-INVOICE", "invoiceNumber", "F1\nX", "C1", 10m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-CUSTOMER", "customerKey", "F1", " ", 10m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-AMOUNT", "amount", "F1", "C1", 0m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-AMOUNT", "amount", "F1", "C1", -1m, "EUR", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-AMOUNT", "amount", "F1", "C1", 1.5m, "JPY", "https://a.example/ok", "https://a.example/no" },
        { "PAY-LINK-URL", "successUrl", "F1", "C1", 10m, "EUR", "javascript:alert(1)", "https://a.example/no" },
        { "PAY-LINK-URL", "cancelUrl", "F1", "C1", 10m, "EUR", "https://a.example/ok", "ftp://a.example/no" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Constructor_BadField_IsRefusedNamingIt(string rule, string path, string number, string customer, decimal amount, string currency, string success, string cancel)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => new PaymentLinkRequest(number, customer, amount, Currency.FromCode(currency), Expiry, new Uri(success), new Uri(cancel)));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal(path, issue.Path);
    }

    [Fact]
    public void Constructor_RelativeUrlAndNoCurrency_ListsEveryIssue()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => new PaymentLinkRequest("F1", "C1", 10m, default, Expiry, new Uri("/paid", UriKind.Relative), null!));

        Assert.Equal(["PAY-LINK-CURRENCY", "PAY-LINK-URL", "PAY-LINK-URL"], exception.Issues.Select(i => i.RuleId));
    }

    private static void AssertRefused(string rule, string path, InvoiceAccount account)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => PaymentLinkRequest.ForOpenBalance(account, Expiry, Success, Cancel));
        var issue = Assert.Single(exception.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal(path, issue.Path);
        Assert.Contains(account.Number, issue.Message, StringComparison.Ordinal);
    }
}
