using Xunit.Abstractions;

namespace Invoicing.Conformance.Tests;

/// <summary>Every EN 16931 UBL rule test of the corpus, run through the UBL syntax rules.</summary>
public sealed class RuleTests(ITestOutputHelper output)
{
    /// <summary>The agreement reached and asserted (see docs/conformance.md for the table and every miss).</summary>
    private const double RequiredAgreement = 0.996;

    [Fact]
    public void Validate_EveryRuleTest_AgreesWithTheExpectedOutcome()
    {
        var results = RuleTestCorpus.RunAll();
        output.WriteLine(RuleTestCorpus.Report(results));
        var outFile = Path.Combine(AppContext.BaseDirectory, "ubl-rule-tests.md");
        File.WriteAllText(outFile, RuleTestCorpus.Report(results));

        Assert.True(results.Count >= 900, $"only {results.Count} expectations found");
        var rate = (double)results.Count(r => r.Met) / results.Count;
        Assert.True(rate >= RequiredAgreement, $"agreement {rate:P1} is below {RequiredAgreement:P1}");
    }

    [Fact]
    public void Validate_SuccessAndErrorCases_BothOccurForEveryFamily()
    {
        var results = RuleTestCorpus.RunAll();

        foreach (var family in results.GroupBy(r => RuleTestCorpus.Family(r.RuleId)))
        {
            Assert.Contains(family, r => r.Kind == "success");
        }
    }
}
