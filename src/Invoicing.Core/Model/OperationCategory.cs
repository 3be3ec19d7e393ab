namespace Invoicing.Core;

/// <summary>The French reform's category of operation, carried by the first letter of the billing mode (BT-23).</summary>
public enum OperationCategory
{
    /// <summary>Delivery of goods (B).</summary>
    Goods,

    /// <summary>Provision of services (S).</summary>
    Services,

    /// <summary>Both (M).</summary>
    Mixed,
}
