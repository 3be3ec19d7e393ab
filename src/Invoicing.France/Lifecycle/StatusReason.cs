namespace Invoicing.France;

/// <summary>Why a status was given (MDG-37): a code of <see cref="StatusReasonCodes"/> (MDT-113) and free text.</summary>
/// <param name="Code">The reason code, for example <c>CMD_ERR</c> (wrong order reference) or <c>DOUBLON</c> (duplicate); null for free text alone.</param>
/// <param name="Text">The reason in the sender's words, when given.</param>
public sealed record StatusReason(string? Code, string? Text = null);
