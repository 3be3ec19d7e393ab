using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>The policies a host uses, by id (per customer or per segment), and the one used when a customer names none.</summary>
public sealed class DunningPolicySet
{
    private readonly Dictionary<string, DunningPolicy> _byId;

    /// <summary>Creates a set.</summary>
    /// <param name="defaultPolicy">The policy for customers without one.</param>
    /// <param name="others">Other policies; ids must differ from each other and from the default's.</param>
    /// <exception cref="InvoiceValidationException">Two policies share an id (DUN-POLICY-DUPLICATE-ID).</exception>
    public DunningPolicySet(DunningPolicy defaultPolicy, IEnumerable<DunningPolicy>? others = null)
    {
        ArgumentNullException.ThrowIfNull(defaultPolicy);
        DefaultPolicy = defaultPolicy;
        _byId = new Dictionary<string, DunningPolicy>(StringComparer.Ordinal) { [defaultPolicy.Id] = defaultPolicy };
        foreach (var policy in others ?? [])
        {
            if (policy is null || !_byId.TryAdd(policy.Id, policy))
            {
                throw new InvoiceValidationException(ValidationIssue.Error("DUN-POLICY-DUPLICATE-ID", "policies", $"The policy id '{policy?.Id}' is used twice or a policy is missing."));
            }
        }
    }

    /// <summary>The policy for customers without one.</summary>
    public DunningPolicy DefaultPolicy { get; }

    /// <summary>Every policy.</summary>
    public IEnumerable<DunningPolicy> Policies => _byId.Values;

    /// <summary>The policy of an id; the default one when <paramref name="policyId"/> is null or unknown.</summary>
    public DunningPolicy Resolve(string? policyId) =>
        policyId is not null && _byId.TryGetValue(policyId, out var policy) ? policy : DefaultPolicy;

    /// <summary>The policy of an id, or null when unknown.</summary>
    public DunningPolicy? Find(string policyId) => policyId is not null && _byId.TryGetValue(policyId, out var policy) ? policy : null;
}
