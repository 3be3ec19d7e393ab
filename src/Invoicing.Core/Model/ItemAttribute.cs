namespace Invoicing.Core;

/// <summary>An attribute of the invoiced item (BG-32), such as its colour or size.</summary>
/// <param name="Name">Item attribute name (BT-160).</param>
/// <param name="Value">Item attribute value (BT-161).</param>
public sealed record ItemAttribute(string Name, string Value);
