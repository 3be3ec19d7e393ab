namespace Invoicing.Core;

/// <summary>
/// Hands out the next sequence of a counter, safely from several threads. Database stores allocate inside the issuing
/// transaction instead; this is for stores that keep state in memory.
/// </summary>
public interface INumberAllocator
{
    /// <summary>Returns the next sequence of <paramref name="counterKey"/>, starting at 1.</summary>
    long Next(string counterKey);
}
