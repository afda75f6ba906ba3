using System.Collections.Concurrent;
using ClusterBot.Core.Conversations;

namespace ClusterBot.Core.Tests.Conversations;

public sealed class ConversationLanesTests
{
    [Fact]
    public async Task One_conversations_work_runs_in_order_while_a_waiting_one_never_holds_back_another()
    {
        var lanes = new ConversationLanes<string>(maxConcurrent: 4);
        var order = new ConcurrentQueue<string>();
        var busy = new TaskCompletionSource();
        lanes.Post("group", async () =>
        {
            // A chat waiting out its flood allowance.
            await busy.Task;
            order.Enqueue("group 1");
        });
        for (var i = 2; i <= 20; i++)
        {
            var n = i;
            lanes.Post("group", () =>
            {
                order.Enqueue("group " + n);
                return Task.CompletedTask;
            });
        }

        var privateDone = new TaskCompletionSource();
        lanes.Post("private", () =>
        {
            order.Enqueue("private");
            privateDone.SetResult();
            return Task.CompletedTask;
        });

        await privateDone.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["private"], order);
        busy.SetResult();
        await lanes.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => "group " + i), order.Where(o => o != "private"));
    }

    [Fact]
    public async Task Work_that_throws_does_not_stop_the_lane_behind_it()
    {
        var lanes = new ConversationLanes<long>(maxConcurrent: 1);
        var ran = false;
        lanes.Post(1, () => throw new InvalidOperationException("boom"));
        lanes.Post(1, () =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        await lanes.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(ran);
    }
}
