using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>Write-offs: the remaining balance given up, the account closed, the same in every store.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly LocalDate WriteOffDate = new(2027, 3, 1);

    [Fact]
    public async Task WriteOffAsync_PartlyPaidInvoice_ClosesTheAccountForTheRemainingBalance()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 49.96m));

        var account = await store.WriteOffAsync(new WriteOff(invoice.Number, WriteOffDate, "Customer in liquidation"));

        Assert.Equal(new AppliedWriteOff(WriteOffDate, 100m, "Customer in liquidation"), account.WriteOff);
        Assert.Equal(0m, account.Balance);
        Assert.Equal(InvoiceStatus.WrittenOff, account.Status);
        Assert.Equal(InvoiceStatus.WrittenOff, account.StatusOn(WriteOffDate.PlusDays(100)));
        Assert.False(account.IsOpen);
        Assert.Equal(account, await store.GetAccountAsync(invoice.Number));
        Assert.Empty(await ToListAsync(store.QueryAsync(InvoiceQuery.Open)));
        Assert.Equal([account], await ToListAsync(store.QueryAsync(InvoiceQuery.All)));
    }

    /// <summary>A write-off changes the account's balance and status columns, which the archive check compares with what they derive from.</summary>
    [Fact]
    public async Task VerifyArchiveAsync_AfterAWriteOff_Intact()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 49.96m));
        await store.WriteOffAsync(new WriteOff(invoice.Number, WriteOffDate, "Customer in liquidation"));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var result = await store.VerifyArchiveAsync();

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(2, result.DocumentsChecked);
    }

    [Fact]
    public async Task WriteOffAsync_Refusals_TypedAndChangeNothing()
    {
        var store = await NewStoreAsync();
        var paid = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(paid.Number, StoreFixtures.DefaultAmountDue));
        var credited = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var creditNote = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(credited, new LocalDate(2026, 11, 5))));
        var open = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(issueDate: new LocalDate(2026, 11, 6))));
        var before = await SnapshotAsync(store);
        var eventsBefore = await ((IInvoiceEventStore)store).ReadEventsAsync(0, 1000);

        await AssertRefusedAsync("INV-WRITEOFF-PAID", "invoiceNumber", new WriteOff(paid.Number, WriteOffDate, "x"));
        await AssertRefusedAsync("INV-WRITEOFF-CREDITED", "invoiceNumber", new WriteOff(credited.Number, WriteOffDate, "x"));
        await AssertRefusedAsync("INV-WRITEOFF-ON-CREDIT-NOTE", "invoiceNumber", new WriteOff(creditNote.Number, WriteOffDate, "x"));
        await AssertRefusedAsync("INV-WRITEOFF-INVOICE-UNKNOWN", "invoiceNumber", new WriteOff("F1999-00001", WriteOffDate, "x"));
        await AssertRefusedAsync("INV-WRITEOFF-INVOICE-UNKNOWN", "invoiceNumber", new WriteOff(" ", WriteOffDate, "x"));
        await AssertRefusedAsync("INV-WRITEOFF-REASON", "reason", new WriteOff(open.Number, WriteOffDate, " "));
        await AssertRefusedAsync("INV-WRITEOFF-REASON", "reason", new WriteOff(open.Number, WriteOffDate, new string('r', WriteOff.MaxReasonLength + 1)));
        await AssertRefusedAsync("INV-WRITEOFF-DATE", "date", new WriteOff(open.Number, new LocalDate(2026, 11, 5), "x"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.WriteOffAsync(null!));

        Assert.Equal(before, await SnapshotAsync(store));
        Assert.Equal(eventsBefore, await ((IInvoiceEventStore)store).ReadEventsAsync(0, 1000), EventComparer.Instance);

        async Task AssertRefusedAsync(string rule, string path, WriteOff writeOff)
        {
            var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.WriteOffAsync(writeOff));
            Assert.Contains(error.Issues, i => i.RuleId == rule && i.Path == path);
        }
    }

    [Fact]
    public async Task WriteOffAsync_Twice_RefusedAsDuplicate()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var first = await store.WriteOffAsync(new WriteOff(invoice.Number, WriteOffDate, "Bankrupt"));

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.WriteOffAsync(new WriteOff(invoice.Number, WriteOffDate, "Again")));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-WRITEOFF-DUPLICATE");
        Assert.Equal(first, await store.GetAccountAsync(invoice.Number));
    }

    [Fact]
    public async Task WrittenOffInvoice_PaymentAndCreditNote_Refused()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var closed = await store.WriteOffAsync(new WriteOff(invoice.Number, WriteOffDate, "Bankrupt"));

        var payment = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 1m)));
        var credit = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(invoice, new LocalDate(2026, 11, 5)))));

        Assert.Contains(payment.Issues, i => i.RuleId == "INV-PAYMENT-WRITTEN-OFF" && i.Path == "invoiceNumber");
        Assert.Contains(credit.Issues, i => i.RuleId == "INV-CREDIT-WRITTEN-OFF");
        Assert.Equal(closed, await store.GetAccountAsync(invoice.Number));
        Assert.Single(await SnapshotAsync(store));
    }
}
