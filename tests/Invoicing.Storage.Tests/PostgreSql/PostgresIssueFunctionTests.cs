using System.Text;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>
/// The one-statement issue (<c>issue_document</c>, migration 0003): the server fills the templates the client prepared,
/// and what it stores must be byte for byte what Core would have hashed and frozen.
/// </summary>
public sealed class PostgresIssueFunctionTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private PostgreSqlInvoiceStore _store = null!;

    public static TheoryData<string> Patterns =>
    [
        "F{yyyy}-{seq:00000}",
        "{seq}",
        "A\"B\\C/{seq:000}",
        "Fäß—{yy}{MM}€{seq:0000}😀",
        "X{seq:00000000000000000000}Y",
        "<&>'; DROP TABLE issued; --{seq:00}",
        "2026{seq:000}9",
    ];

    public Task InitializeAsync()
    {
        _store = PostgresTestDatabase.CreateStore(_schema);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task IssueAsync_AnyPattern_StoresTheNumberHashAndDocumentCoreGives(string pattern)
    {
        var series = new NumberSeries("s" + pattern.GetHashCode(StringComparison.Ordinal), pattern);
        Assert.NotNull(IssueTemplate.TryCreate(StoreFixtures.Request(StoreFixtures.Draft(), series: series), InvoiceCalculator.Calculate(StoreFixtures.Draft())));

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var issued = await _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(), series: series));

            Assert.Equal(sequence, issued.Sequence);
            Assert.Equal(series.Format(sequence, issued.Document.IssueDate), issued.Number);
            Assert.Equal(ArchiveHash.Compute(issued), issued.Hash);
            Assert.Equal(issued, await _store.GetAsync(issued.Number));
            Assert.Equal(StoreJson.SerializeIssued(issued), await PostgresTestDatabase.ScalarAsync(_schema, $"SELECT document FROM issued WHERE hash = '{issued.Hash}'"));
        }

        Assert.True((await _store.VerifyArchiveAsync()).IsIntact);
    }

    [Property(MaxTest = 40)]
    public void IssueAsync_AnyTextInTheDocument_HashIsCoresAndArchiveVerifies(string buyerName, string note, decimal price)
    {
        if (string.IsNullOrWhiteSpace(buyerName) || !RoundTripsAsUtf8(buyerName) || !RoundTripsAsUtf8(note ?? string.Empty))
        {
            return;
        }

        var fixture = StoreFixtures.Draft(price: Math.Round(Math.Abs(price) % 1_000_000m, 2) + 0.01m);
        var draft = fixture with { Buyer = fixture.Buyer with { Name = buyerName }, Notes = note is null ? [] : [new InvoiceNote(note)] };

        var issued = _store.IssueAsync(StoreFixtures.Request(draft)).GetAwaiter().GetResult();

        Assert.Equal(ArchiveHash.Compute(issued), issued.Hash);
        Assert.Equal(issued, _store.GetAsync(issued.Number).GetAwaiter().GetResult());
        Assert.True(_store.VerifyArchiveAsync().GetAwaiter().GetResult().IsIntact);
    }

    [Fact]
    public void TryCreate_SlotsFilledWithRealValues_GivesTheBytesArchiveHashHashes()
    {
        var request = StoreFixtures.Request(StoreFixtures.Draft(), series: new NumberSeries("q", "Q\"{yyyy}-{seq:000}é"));
        var totals = InvoiceCalculator.Calculate(request.Document);
        var template = IssueTemplate.TryCreate(request, totals)!;
        var previous = new string('a', 64);
        const long sequence = 42;
        var digits = sequence.ToString("D" + template.Digits, System.Globalization.CultureInfo.InvariantCulture);

        var filled = Fill(template.HashInput, previous, digits, sequence, hash: null);

        var sealedDocument = InvoiceLifecycle.Seal(request, totals, sequence, previous);
        Assert.Equal("Q\"2026-042é", sealedDocument.Number);
        Assert.Equal(ArchiveHash.Input(sealedDocument), filled);
    }

    [Fact]
    public void TryCreate_PatternWithTheSequenceTwice_NullSoTheClassicPathIssues()
    {
        var request = StoreFixtures.Request(StoreFixtures.Draft(), series: new NumberSeries("twice", "{seq}-{seq:0000}"));

        Assert.Null(IssueTemplate.TryCreate(request, InvoiceCalculator.Calculate(request.Document)));
    }

    [Fact]
    public async Task IssueAsync_PatternWithTheSequenceTwice_IssuedTheClassicWayAndVerifies()
    {
        var series = new NumberSeries("twice", "{seq}-{seq:0000}");

        var first = await _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(), series: series));
        var second = await _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(), series: series));

        Assert.Equal(["1-0001", "2-0002"], [first.Number, second.Number]);
        Assert.True((await _store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public void Cut_SentinelMissingOrRepeated_Null()
    {
        var bytes = Encoding.UTF8.GetBytes("a-X-b-X-c");

        Assert.Null(IssueTemplate.Template.Cut(bytes, [new("X", "n", 1)]));
        Assert.Null(IssueTemplate.Template.Cut(bytes, [new("Y", "n", 1)]));
        var template = IssueTemplate.Template.Cut(bytes, [new("X", "n", 2)])!;
        Assert.Equal(["a-", "-b-", "-c"], template.Parts.Select(Encoding.UTF8.GetString));
        Assert.Equal(["n", "n"], template.Slots);
    }

    [Fact]
    public async Task FillTemplate_OneMorePartThanSlotsBroken_RefusedByTheServer()
    {
        await PostgreSqlSchema.MigrateAsync(PostgresTestDatabase.Options(_schema));

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ScalarAsync(
            _schema,
            "SELECT fill_template(ARRAY['\\x61'::bytea, '\\x62'::bytea], ARRAY['n', 'n'], 'p', 'd', 's', 'h')"));

        Assert.Equal("22023", error.SqlState);
    }

    [Fact]
    public async Task FillTemplate_UnknownSlot_RefusedByTheServer()
    {
        await PostgreSqlSchema.MigrateAsync(PostgresTestDatabase.Options(_schema));

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ScalarAsync(
            _schema,
            "SELECT fill_template(ARRAY['\\x61'::bytea, '\\x62'::bytea], ARRAY['z'], 'p', 'd', 's', 'h')"));

        Assert.Equal("22023", error.SqlState);
    }

    [Fact]
    public async Task IssueBatch_OneBackdatedAmongThree_OthersIssuedInOrderAndNoNumberConsumed()
    {
        var late = new LocalDate(2026, 11, 20);
        var items = new[] { Prepare(StoreFixtures.Draft(late)), Prepare(StoreFixtures.Draft(new LocalDate(2026, 11, 10))), Prepare(StoreFixtures.Draft(late)) };

        var outcomes = await _store.IssueBatchAsync(items);

        Assert.Equal(["F2026-00001", null, "F2026-00002"], outcomes.Select(o => o.Result?.Number));
        var refusal = Assert.IsType<InvoiceValidationException>(outcomes[1].Error);
        Assert.Equal("INV-ISSUE-BACKDATED", refusal.Issues[0].RuleId);
        Assert.Equal(outcomes[0].Result!.Hash, outcomes[2].Result!.PreviousHash);
        Assert.Equal(2, (await _store.VerifyArchiveAsync()).DocumentsChecked);
    }

    [Fact]
    public async Task IssueBatch_DraftGoneAndNumberTaken_EachRefusedAsTheOtherStoresDo()
    {
        var draftId = await _store.SaveDraftAsync(StoreFixtures.Draft());
        var noYear = new NumberSeries("no-year", "N-{seq:000}", resetsYearly: true);
        await _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new LocalDate(2025, 12, 1)), series: noYear));
        var items = new[]
        {
            Prepare(StoreFixtures.Draft(), StoreFixtures.Request(StoreFixtures.Draft(), DraftId.New())),
            Prepare(StoreFixtures.Draft(), StoreFixtures.Request(StoreFixtures.Draft(), draftId)),
            Prepare(StoreFixtures.Draft(), StoreFixtures.Request(StoreFixtures.Draft(), series: noYear)),
        };

        var outcomes = await _store.IssueBatchAsync(items);

        Assert.Equal("INV-ISSUE-DRAFT-UNKNOWN", Assert.IsType<InvoiceValidationException>(outcomes[0].Error).Issues[0].RuleId);
        Assert.Equal("F2026-00001", outcomes[1].Result!.Number);
        Assert.Null(await _store.GetDraftAsync(draftId));
        Assert.Equal("INV-ISSUE-NUMBER-TAKEN", Assert.IsType<InvoiceValidationException>(outcomes[2].Error).Issues[0].RuleId);
        Assert.True((await _store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueBatch_OneValueTheServerCannotStore_OnlyItsCallerFails()
    {
        var draft = StoreFixtures.Draft();
        var poisoned = draft with { Buyer = draft.Buyer with { LegalId = Identifier.Siren("98765\u00004324") } };
        var items = new[] { Prepare(StoreFixtures.Draft()), Prepare(poisoned), Prepare(StoreFixtures.Draft()) };

        var outcomes = await _store.IssueBatchAsync(items);

        Assert.Equal(["F2026-00001", null, "F2026-00002"], outcomes.Select(o => o.Result?.Number));
        Assert.Equal("IssueAsync", Assert.IsType<InvoiceStoreException>(outcomes[1].Error).Operation);
        Assert.Equal(2, (await _store.VerifyArchiveAsync()).DocumentsChecked);
    }

    private static PreparedIssue Prepare(Invoice draft, IssueRequest? request = null)
    {
        request ??= StoreFixtures.Request(draft);
        var totals = InvoiceCalculator.Calculate(request.Document);
        return new PreparedIssue(request, totals, request.Series.CounterKey(request.Document.IssueDate), IssueTemplate.TryCreate(request, totals)!);
    }

    private static byte[] Fill(IssueTemplate.Template template, string previous, string digits, long sequence, string? hash)
    {
        var bytes = new List<byte>(template.Parts[0]);
        for (var i = 0; i < template.Slots.Length; i++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(template.Slots[i] switch
            {
                "p" => previous,
                "n" => digits,
                "s" => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => hash!,
            }));
            bytes.AddRange(template.Parts[i + 1]);
        }

        return [.. bytes];
    }

    private static bool RoundTripsAsUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;
}
