namespace Invoicing.Core;

/// <summary>A contact point (BG-6 seller, BG-9 buyer).</summary>
public sealed record Contact
{
    /// <summary>Contact person or department (BT-41, BT-56).</summary>
    public string? Name { get; init; }

    /// <summary>Telephone (BT-42, BT-57).</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail (BT-43, BT-58): where reminders are sent for a buyer.</summary>
    public string? Email { get; init; }
}
