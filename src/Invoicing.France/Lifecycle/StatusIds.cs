using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// Ids derived from a status message, the same every time it is received: the event that records a status and the
/// payment a "cashed" status brings are each found again on a repeat instead of being made twice. Pure.
/// </summary>
internal static class StatusIds
{
    /// <summary>The id of the platform status event of report <paramref name="index"/> of a message.</summary>
    public static Guid Event(CdarMessage message, int index) => Derive("event", message, index);

    /// <summary>The id of the payment that report <paramref name="index"/> of a message records.</summary>
    public static Guid Payment(CdarMessage message, int index) => Derive("payment", message, index);

    private static Guid Derive(string purpose, CdarMessage message, int index)
    {
        // A message id is unique per sender, so the sender is part of the key.
        return DerivedIds.From("cdar", purpose, message.Sender.Id?.Scheme, message.Sender.Id?.Value, message.MessageId, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
