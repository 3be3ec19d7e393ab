namespace Invoicing.Core;

/// <summary>Where an invoice stands with an e-invoicing platform it is sent to.</summary>
public enum OutgoingFlowState
{
    /// <summary>Claimed for sending: a worker is sending it, or was and stopped (its lease says until when), or the last attempt failed and waits for its retry.</summary>
    Sending,

    /// <summary>The platform took the flow (it gave a flow id); its checks may still be pending.</summary>
    Sent,

    /// <summary>The platform checked the flow and accepted it.</summary>
    Acknowledged,

    /// <summary>The platform refused the flow; <see cref="OutgoingFlow.Reason"/> says why. Final: the correction is a credit note and a new invoice.</summary>
    Rejected,
}
