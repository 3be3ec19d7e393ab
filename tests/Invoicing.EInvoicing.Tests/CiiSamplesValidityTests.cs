using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// The shared samples pass every rule with no warning, so that a test built on one breaks the rule it names and
/// nothing else, and a warning seen in a test means something.
/// </summary>
public sealed class CiiSamplesValidityTests
{
    [Theory]
    [MemberData(nameof(CiiSamples.Names), MemberType = typeof(CiiSamples))]
    public void Validate_SharedSample_NoErrorNoWarning(string name)
    {
        var result = InvoiceValidator.Validate(CiiSamples.Named(name));

        Assert.Empty(result.Errors.Concat(result.Warnings).Select(i => $"{i.Severity} {i.RuleId} {i.Path}: {i.Message}"));
    }
}
