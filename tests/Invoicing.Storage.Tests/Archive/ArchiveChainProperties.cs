using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Archive;

/// <summary>
/// A chain of format-2 documents, as the in-memory store and every other store seal them: any one field of the record
/// of any document, changed alone, is found, and at that document.
/// </summary>
public sealed class ArchiveChainProperties
{
    /// <summary>Every field the format-2 hash or the verification covers, each with a change that alters it.</summary>
    private static readonly Func<IssuedInvoice, IssuedInvoice>[] Changes =
    [
        i => i with { Document = i.Document with { Number = i.Number + "x" } },
        i => i with { SeriesId = i.SeriesId + "x" },
        i => i with { CounterKey = i.CounterKey + "x" },
        i => i with { Sequence = i.Sequence + 1 },
        i => i with { IssuedAt = i.IssuedAt + Duration.FromMilliseconds(1) },
        i => i with { PreviousHash = Flip(i.PreviousHash) },
        i => i with { Hash = Flip(i.Hash) },
        i => i with { HashFormat = ArchiveHash.FormatDocument },
        i => i with { Totals = i.Totals with { AmountDue = i.Totals.AmountDue + 0.01m } },
        i => i with { Totals = i.Totals with { VatTotal = i.Totals.VatTotal + 0.01m } },
        i => i with { Document = i.Document with { Type = DocumentType.CorrectedInvoice } },
        i => i with { Document = i.Document with { IssueDate = i.Document.IssueDate.PlusDays(1) } },
        i => i with { Document = i.Document with { DueDate = i.Document.DueDate!.Value.PlusDays(1) } },
        i => i with { Document = i.Document with { Currency = Currency.Usd } },
        i => i with { Document = i.Document with { Buyer = i.Document.Buyer with { LegalId = Identifier.Siren("552100554") } } },
        i => i with { Document = i.Document with { Lines = [i.Document.Lines[0] with { ItemName = "x" }, .. i.Document.Lines.Skip(1)] } },
    ];

    [Property(MaxTest = 300)]
    public void Check_AnyOneFieldOfAnyDocumentChanged_BrokenAtThatDocument(byte length, int documentSeed, int changeSeed, bool yearly)
    {
        var count = 1 + (length % 8);
        var series = yearly ? NumberSeries.DefaultInvoices : new NumberSeries("shop", "S-{seq}");
        var chain = new List<IssuedInvoice>();
        var previous = ArchiveHash.Genesis;
        var sequences = new Dictionary<string, long>();
        for (var i = 0; i < count; i++)
        {
            // Around the new year, so a yearly series starts its 2027 counter at 1.
            var draft = StoreFixtures.Draft(new LocalDate(2026, 12, 30).PlusDays(i), price: 100m + i);
            var key = series.CounterKey(draft.IssueDate);
            sequences[key] = sequences.GetValueOrDefault(key) + 1;
            chain.Add(InvoiceLifecycle.Seal(StoreFixtures.Request(draft, series: series), InvoiceCalculator.Calculate(draft), sequences[key], previous));
            previous = chain[^1].Hash;
        }

        Assert.True(Verify(chain).IsIntact);

        var target = Math.Abs(documentSeed % count);
        chain[target] = Changes[Math.Abs(changeSeed % Changes.Length)](chain[target]);
        var result = Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(target + 1, result.DocumentsChecked);
    }

    private static ArchiveVerification Verify(List<IssuedInvoice> chain)
    {
        var verifier = new ArchiveChainVerifier();
        chain.ForEach(issued => verifier.Check(issued));
        return verifier.Result();
    }

    private static string Flip(string hash) => (hash[0] == 'a' ? "b" : "a") + hash[1..];
}
