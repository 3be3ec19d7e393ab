using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>Compares events field by field, their data maps by content (records compare dictionaries by reference).</summary>
internal sealed class EventComparer : IEqualityComparer<InvoiceEvent>
{
    public static readonly EventComparer Instance = new();

    public bool Equals(InvoiceEvent? x, InvoiceEvent? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x with { Data = InvoiceEvents.NoData } == y with { Data = InvoiceEvents.NoData }
            && x.Data.Count == y.Data.Count
            && x.Data.All(entry => y.Data.TryGetValue(entry.Key, out var value) && value == entry.Value));

    public int GetHashCode(InvoiceEvent obj) => obj.Id.GetHashCode();
}
