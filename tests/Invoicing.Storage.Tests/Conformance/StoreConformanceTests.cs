using System.Collections.Concurrent;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IInvoiceStore"/> must show. A store's test class derives from this class (or from
/// <see cref="DatabaseStoreConformanceTests"/>) and says how to create a fresh, empty store; every test here then runs
/// against it. Each test creates its own stores through <see cref="NewStoreAsync"/>; they are disposed after the test.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    private readonly List<IInvoiceStore> _stores = [];

    /// <summary>Creates a fresh, empty store (a new database, file or schema).</summary>
    protected abstract Task<IInvoiceStore> CreateStoreAsync();

    /// <summary>Releases a store made by <see cref="CreateStoreAsync"/>; by default disposes it when it is disposable.</summary>
    protected virtual async Task ReleaseStoreAsync(IInvoiceStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await ReleaseStoreAsync(store);
        }
    }

    protected async Task<IInvoiceStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    // ---- drafts

    [Fact]
    public async Task SaveDraftAsync_NewDraft_CanBeReadBackUnchanged()
    {
        var store = await NewStoreAsync();
        var draft = StoreFixtures.Draft();

        var id = await store.SaveDraftAsync(draft);

        Assert.Equal(draft, await store.GetDraftAsync(id));
    }

    [Fact]
    public async Task SaveDraftAsync_ExistingId_ReplacesTheDraft()
    {
        var store = await NewStoreAsync();
        var id = await store.SaveDraftAsync(StoreFixtures.Draft());
        var changed = StoreFixtures.Draft(price: 250m);

        var again = await store.SaveDraftAsync(changed, id);

        Assert.Equal(id, again);
        Assert.Equal(changed, await store.GetDraftAsync(id));
    }

    [Fact]
    public async Task DeleteDraftAsync_ExistingThenMissing_TrueThenFalse()
    {
        var store = await NewStoreAsync();
        var id = await store.SaveDraftAsync(StoreFixtures.Draft());

        Assert.True(await store.DeleteDraftAsync(id));
        Assert.False(await store.DeleteDraftAsync(id));
        Assert.Null(await store.GetDraftAsync(id));
        Assert.Null(await store.GetDraftAsync(DraftId.New()));
    }

    [Fact]
    public async Task SaveDraftAsync_NumberedDocument_RefusedWithRuleAndField()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.SaveDraftAsync(StoreFixtures.Draft() with { Number = "F2026-00042" }));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-DRAFT-NUMBERED" && i.Path == "number");
    }

    [Fact]
    public async Task SaveDraftAsync_DraftThatCannotBeReadBack_RefusedNamingTheField()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.SaveDraftAsync(StoreFixtures.Draft() with { Currency = default }));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-DRAFT-UNREADABLE" && i.Path.Contains("currency", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueAsync_DocumentWithoutCurrency_RefusedWithBR05()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft() with { Currency = default })));

        Assert.Contains(error.Issues, i => i.RuleId == "BR-05" && i.Path == "currency");
        Assert.Empty(await SnapshotAsync(store));
    }

    [Fact]
    public async Task SaveDraftAsync_Null_ArgumentNullException()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveDraftAsync(null!));
    }

    // ---- issue and numbering

    [Fact]
    public async Task IssueAsync_ThreeInvoices_NumberedFromF2026_00001WithoutGap()
    {
        var store = await NewStoreAsync();

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Number);
        }

        Assert.Equal(["F2026-00001", "F2026-00002", "F2026-00003"], numbers);
    }

    [Fact]
    public async Task IssueAsync_FromSavedDraft_FreezesDocumentAndDeletesDraft()
    {
        var store = await NewStoreAsync();
        var draft = StoreFixtures.Draft();
        var id = await store.SaveDraftAsync(draft);

        var issued = await store.IssueAsync(StoreFixtures.Request(draft, id));

        Assert.Null(await store.GetDraftAsync(id));
        Assert.Equal(draft with { Number = "F2026-00001" }, issued.Document);
        Assert.Equal(InvoiceCalculator.Calculate(issued.Document), issued.Totals);
        Assert.Equal(StoreFixtures.DefaultAmountDue, issued.Totals.AmountDue);
        Assert.Equal(ArchiveHash.Genesis, issued.PreviousHash);
        Assert.Equal(ArchiveHash.Compute(issued), issued.Hash);
        var read = await store.GetAsync("F2026-00001");
        Assert.Equal(issued, read);
        var account = await store.GetAccountAsync("F2026-00001");
        Assert.NotNull(account);
        Assert.Equal(InvoiceStatus.Issued, account.Status);
        Assert.Equal(StoreFixtures.DefaultAmountDue, account.Balance);
    }

    [Fact]
    public async Task IssueAsync_SecondDocument_ChainsToTheFirst()
    {
        var store = await NewStoreAsync();

        var first = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var second = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public async Task IssueAsync_NewYear_YearlySeriesRestartsAtOne()
    {
        var store = await NewStoreAsync();
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 12, 30))));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 12, 31))));

        var next = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 4))));

        Assert.Equal("F2027-00001", next.Number);
        Assert.Equal(1, next.Sequence);
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_SeriesWithoutReset_ContinuesAcrossYears()
    {
        var store = await NewStoreAsync();
        var series = new NumberSeries("continuous", "C-{seq:000000}");
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 12, 31)), series: series));

        var next = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 4)), series: series));

        Assert.Equal("C-000002", next.Number);
    }

    [Fact]
    public async Task IssueAsync_AlreadyNumberedDocument_RefusedAndNoNumberConsumed()
    {
        var store = await NewStoreAsync();
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft() with { Number = "F2026-00001" })));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-ISSUE-NUMBERED" && i.Path == "number");
        Assert.Equal(before, await SnapshotAsync(store));
        Assert.Equal("F2026-00002", (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Number);
    }

    [Fact]
    public async Task IssueAsync_BackdatedDocument_RefusedAndNoNumberConsumed()
    {
        var store = await NewStoreAsync();
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 10))));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 9)))));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-ISSUE-BACKDATED" && i.Path == "issueDate");
        Assert.Equal(before, await SnapshotAsync(store));
        Assert.Equal("F2026-00002", (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 10))))).Number);
    }

    [Fact]
    public async Task IssueAsync_DocumentThatCannotBeComputed_RefusedWithCalculatorRuleAndDraftKept()
    {
        var store = await NewStoreAsync();
        var draft = StoreFixtures.Draft();
        var broken = draft with { Lines = [draft.Lines[0] with { BaseQuantity = 0m }] };
        var id = await store.SaveDraftAsync(broken);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(broken, id)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-BASE-QUANTITY" && i.Path == "lines[0].baseQuantity");
        Assert.Equal(broken, await store.GetDraftAsync(id));
        Assert.Empty(await SnapshotAsync(store));
    }

    [Fact]
    public async Task IssueAsync_UnknownDraftId_RefusedSoADraftIsNeverIssuedTwice()
    {
        var store = await NewStoreAsync();
        var draft = StoreFixtures.Draft();
        var id = await store.SaveDraftAsync(draft);
        await store.IssueAsync(StoreFixtures.Request(draft, id));

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(draft, id)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-ISSUE-DRAFT-UNKNOWN" && i.Path == "draftId");
        Assert.Single(await SnapshotAsync(store));
    }

    [Fact]
    public async Task IssueAsync_PatternThatRepeatsNumbers_RefusedWithoutConsumingTheSequence()
    {
        var store = await NewStoreAsync();
        var series = new NumberSeries("no-year", "N-{seq:000}", resetsYearly: true);
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 12, 31)), series: series));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 2)), series: series)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-ISSUE-NUMBER-TAKEN" && i.Path == "series.pattern");
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task IssueAsync_NullRequest_ArgumentNullException()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.IssueAsync(null!));
    }

    // ---- credit notes

    [Fact]
    public async Task IssueAsync_CreditNote_NumberedInItsOwnSeriesAndAppliedToTheInvoice()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var credit = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 1)])));

        Assert.Equal("AV2026-00001", credit.Number);
        Assert.Equal("credit-notes", credit.SeriesId);
        var account = await store.GetAccountAsync(invoice.Number);
        Assert.NotNull(account);
        var applied = Assert.Single(account.Credits);
        Assert.Equal(new AppliedCredit("AV2026-00001", new LocalDate(2026, 11, 5), credit.Totals.AmountDue), applied);
        Assert.Equal(StoreFixtures.DefaultAmountDue - credit.Totals.AmountDue, account.Balance);
        Assert.Equal(InvoiceStatus.PartiallyPaid, account.Status);
        var creditAccount = await store.GetAccountAsync(credit.Number);
        Assert.NotNull(creditAccount);
        Assert.False(creditAccount.IsOpen);
    }

    [Fact]
    public async Task IssueAsync_FullCreditNote_InvoiceCredited()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(invoice, new LocalDate(2026, 11, 5))));

        var account = await store.GetAccountAsync(invoice.Number);
        Assert.NotNull(account);
        Assert.Equal(0m, account.Balance);
        Assert.Equal(InvoiceStatus.Credited, account.Status);
        Assert.Empty(await ToListAsync(store.QueryAsync(InvoiceQuery.Open)));
    }

    [Fact]
    public async Task IssueAsync_CreditBeyondTheAmountInvoiced_RefusedAndNothingChanged()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(invoice, new LocalDate(2026, 11, 5))));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 6), [new CreditedLine("1", 1)]))));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-CREDIT-EXCEEDS-INVOICE" && i.Path == "precedingInvoices[0].number");
        Assert.Equal(before, await SnapshotAsync(store));
        Assert.Equal("AV2026-00002", (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 6)) with { Type = DocumentType.CreditNote }))).Number);
    }

    [Fact]
    public async Task IssueAsync_CreditNoteOfAPaidInvoice_AppliedLeavingARefundDue()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, StoreFixtures.DefaultAmountDue));

        var credit = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 2)])));

        var account = await store.GetAccountAsync(invoice.Number);
        Assert.NotNull(account);
        Assert.Equal(-credit.Totals.AmountDue, account.Balance);
        Assert.False(account.IsOpen);
        Assert.Equal(InvoiceStatus.Paid, account.Status);
    }

    [Fact]
    public async Task IssueAsync_CreditNoteInAnotherCurrency_RefusedNamingTheCurrency()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(invoice, new LocalDate(2026, 11, 5)) with { Currency = Currency.Usd })));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-CREDIT-CURRENCY" && i.Path == "currency");
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task IssueAsync_CreditNoteOfACreditNote_Refused()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var credit = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 1)])));
        var before = await SnapshotAsync(store);
        var creditOfCredit = CreditNotes.Full(invoice, new LocalDate(2026, 11, 6)) with { PrecedingInvoices = [new PrecedingInvoiceReference(credit.Number)] };

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(creditOfCredit)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-CREDIT-OF-CREDIT");
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task IssueAsync_CreditNoteOfAnInvoiceFromAnotherSystem_IssuedAndAppliedToNothing()
    {
        var store = await NewStoreAsync();
        var credit = StoreFixtures.Draft() with { Type = DocumentType.CreditNote, PrecedingInvoices = [new PrecedingInvoiceReference("OLD-2019-7")] };

        var issued = await store.IssueAsync(StoreFixtures.Request(credit));

        Assert.Equal("AV2026-00001", issued.Number);
        Assert.Single(await SnapshotAsync(store));
    }

    // ---- payments

    [Fact]
    public async Task RecordPaymentAsync_PartThenRest_BalanceAndStatusFollow()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var partly = await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 100m));
        var paid = await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 49.96m));

        Assert.Equal(49.96m, partly.Balance);
        Assert.Equal(InvoiceStatus.PartiallyPaid, partly.Status);
        Assert.Equal(0m, paid.Balance);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(2, paid.Payments.Count);
        Assert.Equal(paid, await store.GetAccountAsync(invoice.Number));
    }

    public static TheoryData<decimal, string, string> BadAmounts => new()
    {
        { 0m, "INV-PAYMENT-AMOUNT", "amount" },
        { -10m, "INV-PAYMENT-AMOUNT", "amount" },
        { 149.97m, "INV-PAYMENT-EXCEEDS-BALANCE", "amount" },
        { 10.001m, "INV-PAYMENT-PRECISION", "amount" },
        { decimal.MaxValue, "INV-PAYMENT-EXCEEDS-BALANCE", "amount" },
    };

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public async Task RecordPaymentAsync_BadAmount_RefusedAndDataAsItWas(decimal amount, string rule, string path)
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 0.01m));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, amount)));

        Assert.Contains(error.Issues, i => i.RuleId == rule && i.Path == path);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Theory]
    [InlineData("F2026-99999")]
    [InlineData("")]
    [InlineData("' OR 1=1; --")]
    public async Task RecordPaymentAsync_UnknownInvoice_RefusedNamingInvoiceNumber(string number)
    {
        var store = await NewStoreAsync();
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var before = await SnapshotAsync(store);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(number, 10m)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-PAYMENT-INVOICE-UNKNOWN" && i.Path == "invoiceNumber");
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task RecordPaymentAsync_SameIdTwice_SecondRefusedAndDataAsItWas()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var other = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var id = Guid.NewGuid();
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 10m, id));
        var before = await SnapshotAsync(store);

        var again = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 10m, id)));
        var elsewhere = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(other.Number, 10m, id)));

        Assert.Contains(again.Issues, i => i.RuleId == "INV-PAYMENT-DUPLICATE" && i.Path == "id");
        Assert.Contains(elsewhere.Issues, i => i.RuleId == "INV-PAYMENT-DUPLICATE" && i.Path == "id");
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task RecordPaymentAsync_EmptyId_Refused()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 10m, Guid.Empty)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-PAYMENT-ID" && i.Path == "id");
    }

    [Fact]
    public async Task RecordPaymentAsync_OnACreditNote_Refused()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var credit = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 1)])));

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(credit.Number, 1m)));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-PAYMENT-ON-CREDIT-NOTE" && i.Path == "invoiceNumber");
    }

    // ---- reads and queries

    [Fact]
    public async Task GetAsync_UnknownNumber_Null()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.GetAsync("F2026-00001"));
        Assert.Null(await store.GetAccountAsync("F2026-00001"));
    }

    [Fact]
    public async Task QueryAsync_Open_OrderedByDueDateThenNumberWithoutPaidOrCreditNotes()
    {
        var store = await NewStoreAsync();
        var late = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 60)));
        var soon = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 10)));
        var paid = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 5)));
        var sameDay = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 10)));
        await store.RecordPaymentAsync(StoreFixtures.Payment(paid.Number, StoreFixtures.DefaultAmountDue));
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(late, new LocalDate(2026, 11, 3), [new CreditedLine("2", 1)])));

        var open = await ToListAsync(store.QueryAsync(InvoiceQuery.Open));
        var all = await ToListAsync(store.QueryAsync(InvoiceQuery.All));

        Assert.Equal([soon.Number, sameDay.Number, late.Number], open.Select(a => a.Number));
        Assert.All(open, a => Assert.True(a.IsOpen));
        Assert.Equal(5, all.Count);
        Assert.Equal(all.OrderBy(a => a.DueDate).ThenBy(a => a.Number, StringComparer.Ordinal).Select(a => a.Number), all.Select(a => a.Number));
        Assert.Equal(await store.GetAccountAsync(late.Number), open[^1]);
    }

    [Fact]
    public async Task QueryAsync_Filters_CustomerDueAndIssueDates()
    {
        var store = await NewStoreAsync();
        var a1 = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 1), customer: "111111118", dueInDays: 30)));
        var b1 = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 5), customer: "222222226", dueInDays: 10)));
        var a2 = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2026, 11, 9), customer: "111111118", dueInDays: 45)));

        var ofA = await ToListAsync(store.QueryAsync(InvoiceQuery.Open with { CustomerKey = "111111118" }));
        var dueByDecember = await ToListAsync(store.QueryAsync(InvoiceQuery.Open with { DueOnOrBefore = new LocalDate(2026, 12, 1) }));
        var issuedMid = await ToListAsync(store.QueryAsync(InvoiceQuery.All with { IssuedOnOrAfter = new LocalDate(2026, 11, 2), IssuedOnOrBefore = new LocalDate(2026, 11, 5) }));
        var nobody = await ToListAsync(store.QueryAsync(InvoiceQuery.All with { CustomerKey = "' OR '1'='1" }));

        Assert.Equal([a1.Number, a2.Number], ofA.Select(a => a.Number));
        Assert.Equal([b1.Number, a1.Number], dueByDecember.Select(a => a.Number));
        Assert.Equal([b1.Number], issuedMid.Select(a => a.Number));
        Assert.Empty(nobody);
    }

    [Fact]
    public async Task QueryAsync_ManyInvoices_StreamsInOrderAndStopsEarly()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 300; i++)
        {
            await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 300 - i)));
        }

        var count = 0;
        var previous = default(LocalDate);
        await foreach (var account in store.QueryAsync(InvoiceQuery.Open))
        {
            Assert.True(account.DueDate >= previous);
            previous = account.DueDate;
            count++;
        }

        var firstTen = new List<string>();
        await foreach (var account in store.QueryAsync(InvoiceQuery.Open))
        {
            firstTen.Add(account.Number);
            if (firstTen.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(300, count);
        Assert.Equal("F2026-00300", firstTen[0]);
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task QueryAsync_Null_ArgumentNullException()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await ToListAsync(store.QueryAsync(null!)));
    }

    // ---- archive

    [Fact]
    public async Task VerifyArchiveAsync_EmptyStore_IntactWithNothingChecked()
    {
        var store = await NewStoreAsync();

        var result = await store.VerifyArchiveAsync();

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.DocumentsChecked);
    }

    [Fact]
    public async Task VerifyArchiveAsync_AfterInvoicesCreditsAndPayments_Intact()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 10m));
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 1)])));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 5))));

        var result = await store.VerifyArchiveAsync();

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(3, result.DocumentsChecked);
    }

    [Fact]
    public async Task IssueAsync_AnySeries_SealsInFormat2WithTheCounterItDrewFrom()
    {
        var store = await NewStoreAsync();
        var continuous = new NumberSeries("shop", "S-{seq}");

        var yearly = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var first = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(), series: continuous));
        var nextYear = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2027, 1, 5)), series: continuous));

        Assert.Equal(("invoices/2026", "shop", "shop"), (yearly.CounterKey, first.CounterKey, nextYear.CounterKey));
        Assert.Equal(2, nextYear.Sequence);
        Assert.All(new[] { yearly, first, nextYear }, issued => Assert.Equal(ArchiveHash.FormatMetadata, issued.HashFormat));
        Assert.All(new[] { yearly, first, nextYear }, issued => Assert.Equal(ArchiveHash.Compute(issued), issued.Hash));
        Assert.Equal(nextYear, await store.GetAsync("S-2"));
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    // ---- lifetime

    [Fact]
    public async Task Operations_OnADisposedStore_ObjectDisposedException()
    {
        var store = await CreateStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await ReleaseStoreAsync(store);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync(invoice.Number));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 1m)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveDraftAsync(StoreFixtures.Draft()));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ToListAsync(store.QueryAsync(InvoiceQuery.All)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.VerifyArchiveAsync());
    }

    [Fact]
    public async Task IssueAsync_Cancelled_NothingIssued()
    {
        var store = await NewStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()), cancelled.Token));

        Assert.Empty(await SnapshotAsync(store));
        Assert.Equal("F2026-00001", (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Number);
    }

    // ---- concurrency

    [Fact]
    public async Task IssueAsync_16ConcurrentIssuersOf500_Numbers1To8000ExactlyOnce()
    {
        var store = await NewStoreAsync();
        var numbers = new ConcurrentBag<long>();
        var document = StoreFixtures.Draft();

        var issuers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                var issued = await store.IssueAsync(StoreFixtures.Request(document));
                numbers.Add(issued.Sequence);
                Assert.Equal(NumberSeries.DefaultInvoices.Format(issued.Sequence, document.IssueDate), issued.Number);
            }
        }));
        await Task.WhenAll(issuers);

        Assert.Equal(Enumerable.Range(1, 8000).Select(i => (long)i), numbers.Order());
        var verification = await store.VerifyArchiveAsync();
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(8000, verification.DocumentsChecked);
    }

    [Fact]
    public async Task IssueAsync_SameDraftEightTimesAtOnce_IssuedOnceTheOthersRefused()
    {
        var store = await NewStoreAsync();
        var draft = StoreFixtures.Draft();
        var id = await store.SaveDraftAsync(draft);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (Issued: await store.IssueAsync(StoreFixtures.Request(draft, id)), Error: (InvoiceValidationException?)null);
            }
            catch (InvoiceValidationException error)
            {
                return (Issued: (IssuedInvoice?)null, Error: error);
            }
        })));

        Assert.Equal("F2026-00001", Assert.Single(attempts, a => a.Issued is not null).Issued!.Number);
        Assert.All(attempts.Where(a => a.Error is not null), a => Assert.Contains(a.Error!.Issues, i => i.RuleId == "INV-ISSUE-DRAFT-UNKNOWN"));
        Assert.Single(await SnapshotAsync(store));
        Assert.Null(await store.GetDraftAsync(id));
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task RecordPaymentAsync_ConcurrentPaymentsOfTheWholeBalance_OnlyOneAccepted()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, StoreFixtures.DefaultAmountDue));
                return true;
            }
            catch (InvoiceValidationException error) when (error.Issues.Any(i => i.RuleId == "INV-PAYMENT-EXCEEDS-BALANCE"))
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(accepted => accepted));
        var account = await store.GetAccountAsync(invoice.Number);
        Assert.NotNull(account);
        Assert.Equal(0m, account.Balance);
    }

    /// <summary>Everything a store holds that a failed operation must leave as it was.</summary>
    protected static async Task<List<InvoiceAccount>> SnapshotAsync(IInvoiceStore store) =>
        await ToListAsync(store.QueryAsync(InvoiceQuery.All));

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
