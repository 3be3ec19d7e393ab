using Invoicing.Core;

namespace Invoicing.Cli.Tests;

/// <summary>
/// Every invoice in samples/invoices passes every rule with no warning: the samples show what a valid invoice looks
/// like, and the tests that read them expect no warning of their own making.
/// </summary>
public sealed class SampleInvoicesValidityTests
{
    public static TheoryData<string> SampleNames() =>
        new(Directory.GetFiles(Path.GetDirectoryName(TestPaths.Sample("fr-domestic.json"))!, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Validate_Sample_NoErrorNoWarning(string name)
    {
        var result = InvoiceValidator.Validate(InvoiceJson.Deserialize(File.ReadAllBytes(TestPaths.Sample(name))));

        Assert.Empty(result.Errors.Concat(result.Warnings).Select(i => $"{i.Severity} {i.RuleId} {i.Path}: {i.Message}"));
    }
}
