using FsCheck.Xunit;

namespace Invoicing.France.Tests;

/// <summary>For any valid status message: what is written reads back the same, and writing it again gives the same bytes.</summary>
public sealed class CdarRoundTripProperties
{
    [Property(MaxTest = 300)]
    public bool Write_AnyValidMessage_ReadsBackTheSameMessage(int seed)
    {
        var message = CdarRandomMessages.Create(seed);
        var bytes = CdarWriter.ToBytes(message);

        var read = CdarReader.Read(bytes);

        return Same(message, read) && CdarWriter.ToBytes(read).AsSpan().SequenceEqual(bytes);
    }

    [Fact]
    public void Write_EveryListedStatus_ReadsBackTheSameMessage()
    {
        foreach (var status in LifecycleStatuses.All)
        {
            var message = CdarSamples.For(status);

            Assert.True(Same(message, CdarReader.Read(CdarWriter.ToBytes(message))), LifecycleStatuses.Code(status));
        }
    }

    /// <summary>Field by field, lists by content (records compare lists by reference).</summary>
    private static bool Same(CdarMessage a, CdarMessage b) =>
        a.MessageId == b.MessageId && a.IssuedAt == b.IssuedAt && a.BusinessProcess == b.BusinessProcess
        && a.Sender == b.Sender && a.Issuer == b.Issuer && a.Recipients.SequenceEqual(b.Recipients)
        && a.Reports.Count == b.Reports.Count
        && a.Reports.Zip(b.Reports).All(p => p.First with { Reasons = [], Amounts = [] } == p.Second with { Reasons = [], Amounts = [] }
            && p.First.Reasons.SequenceEqual(p.Second.Reasons) && p.First.Amounts.SequenceEqual(p.Second.Amounts));
}
