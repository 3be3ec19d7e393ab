namespace Invoicing.France;

/// <summary>One reason the platform gives in its acknowledgement of a flow (XP Z12-013 <c>AcknowledgementDetail</c>).</summary>
/// <param name="IsError">True for an error, false for a warning.</param>
/// <param name="Item">The part of the flow it is about.</param>
/// <param name="ReasonCode">The platform's reason code (<c>InvalidSchema</c>, <c>AlreadyExistingFlow</c>... or its own).</param>
/// <param name="ReasonMessage">The platform's explanation.</param>
public sealed record FlowAcknowledgementDetail(bool IsError, string Item, string ReasonCode, string ReasonMessage);
