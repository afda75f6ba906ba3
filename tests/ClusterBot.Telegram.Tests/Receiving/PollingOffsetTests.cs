using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Receiving;

namespace ClusterBot.Telegram.Tests.Receiving;

/// <summary>The offset acknowledges only what is done, and an update fetched again while in hand is not taken twice.</summary>
public sealed class PollingOffsetTests
{
    [Fact]
    public void The_offset_stays_at_the_oldest_update_in_hand_and_passes_all_once_done()
    {
        var offsets = new PollingOffset();
        Assert.Null(offsets.Next);
        Assert.True(offsets.TryTake(7));
        Assert.True(offsets.TryTake(8));
        offsets.Seen(9); // 9 could not be read: it is passed once the others are done
        offsets.Finish(8, ConversationOutcome.Sent);
        Assert.Equal(7, offsets.Next);

        // Fetched again from offset 7: neither is taken a second time.
        Assert.False(offsets.TryTake(7));
        Assert.False(offsets.TryTake(8));

        offsets.Finish(7, ConversationOutcome.Sent);
        Assert.Equal(10, offsets.Next);
        Assert.False(offsets.TryTake(8));
        Assert.Equal(0, offsets.InHand);
    }

    [Fact]
    public void An_interrupted_update_is_never_acknowledged()
    {
        var offsets = new PollingOffset();
        Assert.True(offsets.TryTake(3));
        Assert.True(offsets.TryTake(4));
        offsets.Seen(4);
        offsets.Finish(3, ConversationOutcome.Interrupted);
        offsets.Finish(4, ConversationOutcome.Sent);

        Assert.Equal(3, offsets.Next);
        Assert.True(offsets.AnyHandedBack);
    }
}
