using System.Text.Json.Nodes;
using Invoicing.Core;

namespace Invoicing.Storage.Tests.Archive;

/// <summary>
/// Documents sealed as the package did before hash format 2: the hash over previous hash, number, series, sequence,
/// issue instant and the canonical document, and a stored JSON without counter key or hash format.
/// </summary>
internal static class LegacyArchive
{
    /// <summary>Seals a request in format 1, linked to <paramref name="previousHash"/>.</summary>
    public static IssuedInvoice Seal(IssueRequest request, long sequence, string previousHash)
    {
        var current = InvoiceLifecycle.Seal(request, InvoiceCalculator.Calculate(request.Document), sequence, previousHash);
        var legacy = current with { CounterKey = null, HashFormat = ArchiveHash.FormatDocument };
        return legacy with { Hash = ArchiveHash.Compute(legacy) };
    }

    /// <summary><paramref name="count"/> invoices of the default series, chained from the genesis.</summary>
    public static List<IssuedInvoice> Chain(int count)
    {
        var chain = new List<IssuedInvoice>();
        var previous = ArchiveHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            chain.Add(Seal(StoreFixtures.Request(StoreFixtures.Draft()), i, previous));
            previous = chain[^1].Hash;
        }

        return chain;
    }

    /// <summary>The JSON the earlier package stored: today's form without the two properties it did not have.</summary>
    public static string Json(IssuedInvoice issued)
    {
        var node = JsonNode.Parse(StoreJson.SerializeIssued(issued))!.AsObject();
        node.Remove("hashFormat");
        node.Remove("counterKey");
        return node.ToJsonString();
    }

    /// <summary>The checkpoint an upgrade puts over a format-1 chain whose counter keys are the default series'.</summary>
    public static (ArchiveCheckpoint Checkpoint, List<string> Seals) Checkpoint(IReadOnlyList<IssuedInvoice> chain)
    {
        var seals = new List<string>();
        var seal = ArchiveHash.Genesis;
        foreach (var issued in chain)
        {
            seal = ArchiveCheckpoint.NextSeal(seal, issued, NumberSeries.DefaultInvoices.CounterKey(issued.Document.IssueDate));
            seals.Add(seal);
        }

        return (ArchiveCheckpoint.Create(chain.Count, chain[^1].Hash, seal), seals);
    }
}
