namespace Invoicing.France;

/// <summary>Which file of a flow to download (XP Z12-013 <c>docType</c> of <c>GET /v1/flows/{flowId}</c>).</summary>
public enum FlowDocumentType
{
    /// <summary>The document the sender gave.</summary>
    Original,

    /// <summary>The document the platform converted it to, when it did.</summary>
    Converted,

    /// <summary>The readable rendering the platform made, when it did.</summary>
    ReadableView,
}
