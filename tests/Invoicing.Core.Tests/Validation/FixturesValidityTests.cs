using Invoicing.Core.Tests.Lifecycle;

namespace Invoicing.Core.Tests.Validation;

/// <summary>
/// The shared fixtures pass every rule with no warning, so that a test built on one breaks the rule it names and
/// nothing else, and a warning seen in a test means something.
/// </summary>
public sealed class FixturesValidityTests
{
    public static TheoryData<string> Names() => new(["french-b2b", "intra-community-goods", "lifecycle-draft"]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_SharedFixture_NoErrorNoWarning(string name)
    {
        var invoice = name switch
        {
            "french-b2b" => ValidationFixtures.FrenchB2B(),
            "intra-community-goods" => ValidationFixtures.IntraCommunityGoods(),
            "lifecycle-draft" => LifecycleFixtures.Draft(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        var result = InvoiceValidator.Validate(invoice);

        Assert.Empty(result.Errors.Concat(result.Warnings).Select(i => $"{i.Severity} {i.RuleId} {i.Path}: {i.Message}"));
    }
}
