using System.Reflection;
using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Conformance.Tests;

/// <summary>The UBL files of the shared corpus and the comparisons the UBL conformance tests make.</summary>
internal static class UblCorpus
{
    public static string RepositoryRoot { get; } = typeof(UblCorpus).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "corpus", relative));

    /// <summary>Every UBL invoice and credit note of the corpus, as paths relative to the corpus root.</summary>
    public static IEnumerable<string> Files()
    {
        var root = Path(".");
        IEnumerable<string> Under(string folder, string pattern, SearchOption option) =>
            Directory.EnumerateFiles(Path(folder), pattern, option)
                .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'));
        return Under("en16931/ubl-examples", "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Concat(Under("peppol", "*.xml", SearchOption.AllDirectories))
            .Concat(Under("xrechnung-business-cases", "*_ubl.xml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Files whose stated line net (BT-131) is not quantity x price: EN 16931 has no rule tying them, and these
    /// examples state a net that the quantity and price do not give. Every other amount of theirs is consistent.
    /// </summary>
    public static IReadOnlySet<string> InconsistentLineNets { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "en16931/ubl-examples/guide-example1.xml",
        "en16931/ubl-examples/guide-example2.xml",
        "en16931/ubl-examples/guide-example3.xml",
        "en16931/ubl-examples/ubl-tc434-example1.xml",
        "en16931/ubl-examples/ubl-tc434-example2.xml",
        "en16931/ubl-examples/ubl-tc434-example3.xml",
        "en16931/ubl-examples/ubl-tc434-example10.xml",
    };

    public static TheoryData<string> ConsistentFileData() => ToData(Files().Where(f => !InconsistentLineNets.Contains(f)));

    public static TheoryData<string> InconsistentFileData() => ToData(InconsistentLineNets.Order(StringComparer.Ordinal));

    public static TheoryData<string> FileData() => ToData(Files());

    private static TheoryData<string> ToData(IEnumerable<string> files)
    {
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    public static EInvoiceDocument Read(string relative)
    {
        using var stream = File.OpenRead(Path(relative));
        return EInvoiceReader.Read(stream);
    }

    /// <summary>Every difference between recomputed and stated totals, one line each; empty when they agree to the cent.</summary>
    public static List<string> Differences(InvoiceTotals computed, InvoiceTotals stated)
    {
        var differences = new List<string>();
        void Compare(string term, decimal? left, decimal? right)
        {
            if ((left ?? 0m) != (right ?? 0m))
            {
                differences.Add($"{term}: computed {left}, stated {right}");
            }
        }

        Compare("BT-106", computed.LineNetTotal, stated.LineNetTotal);
        Compare("BT-107", computed.AllowanceTotal, stated.AllowanceTotal);
        Compare("BT-108", computed.ChargeTotal, stated.ChargeTotal);
        Compare("BT-109", computed.TaxExclusiveAmount, stated.TaxExclusiveAmount);
        Compare("BT-110", computed.VatTotal, stated.VatTotal);
        Compare("BT-112", computed.TaxInclusiveAmount, stated.TaxInclusiveAmount);
        Compare("BT-113", computed.PrepaidAmount, stated.PrepaidAmount);
        Compare("BT-114", computed.RoundingAmount, stated.RoundingAmount);
        Compare("BT-115", computed.AmountDue, stated.AmountDue);
        if (computed.LineNetAmounts.Count != stated.LineNetAmounts.Count)
        {
            differences.Add($"lines: computed {computed.LineNetAmounts.Count}, stated {stated.LineNetAmounts.Count}");
        }
        else
        {
            for (var i = 0; i < computed.LineNetAmounts.Count; i++)
            {
                Compare($"BT-131 line {i + 1}", computed.LineNetAmounts[i], stated.LineNetAmounts[i]);
            }
        }

        if (computed.VatBreakdown.Count != stated.VatBreakdown.Count)
        {
            differences.Add($"BG-23 rows: computed {computed.VatBreakdown.Count}, stated {stated.VatBreakdown.Count}");
        }

        foreach (var row in stated.VatBreakdown)
        {
            var match = computed.VatBreakdown.FirstOrDefault(c => c.Category == row.Category && (c.Rate ?? 0m) == (row.Rate ?? 0m));
            if (match is null)
            {
                differences.Add($"BG-23 {row.Category} {row.Rate}: not computed");
                continue;
            }

            Compare($"BT-116 {row.Category} {row.Rate}", match.TaxableAmount, row.TaxableAmount);
            Compare($"BT-117 {row.Category} {row.Rate}", match.TaxAmount, row.TaxAmount);
        }

        return differences;
    }

    /// <summary>The JSON lines where two models differ, to say what a round trip lost.</summary>
    public static string ModelDifferences(Invoice expected, Invoice actual)
    {
        static string[] Lines(Invoice invoice) => System.Text.Json.JsonSerializer
            .Serialize(System.Text.Json.JsonDocument.Parse(InvoiceJson.Serialize(invoice)).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .Split('\n');
        var left = Lines(expected);
        var right = Lines(actual);
        var differences = new List<string>();
        for (var i = 0; i < Math.Max(left.Length, right.Length) && differences.Count < 10; i++)
        {
            var l = i < left.Length ? left[i] : "<none>";
            var r = i < right.Length ? right[i] : "<none>";
            if (l != r)
            {
                differences.Add($"line {i}: expected {l.Trim()} actual {r.Trim()}");
            }
        }

        return differences.Count == 0 ? "models differ outside their JSON form" : string.Join("\n", differences);
    }
}
