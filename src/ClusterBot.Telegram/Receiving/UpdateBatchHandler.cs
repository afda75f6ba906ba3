using ClusterBot.Telegram.Pipeline;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Handles a batch from getUpdates: each chat's updates in order (a conversation reads as it was typed),
/// different chats side by side, so one chat waiting out its flood limit does not stall the others.
/// </summary>
public sealed class UpdateBatchHandler(UpdatePipeline pipeline, IOptions<TelegramOptions> options)
{
    /// <summary>The outcome of every update in the batch, by update id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> HandleAsync(IReadOnlyList<Update> batch, CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentChats);
        var chats = batch.GroupBy(UpdateRouter.ChatKey).Select(async chat =>
        {
            await slots.WaitAsync(CancellationToken.None);
            try
            {
                foreach (var update in chat)
                {
                    // Once shutting down, what has not started is handed back untouched.
                    if (cancellationToken.IsCancellationRequested)
                    {
                        outcomes[update.Id] = Outcomes.Interrupted;
                        continue;
                    }

                    outcomes[update.Id] = await pipeline.HandleAsync(update, cancellationToken);
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(chats);
        return outcomes;
    }

    /// <summary>
    /// The getUpdates offset that acknowledges what is done: past the whole batch, or up to the first
    /// update handed back, since Telegram confirms every update below the offset. <paramref name="highestId"/>
    /// counts updates that could not be read too, so they are passed rather than fetched again.
    /// </summary>
    public static int NextOffset(IReadOnlyList<Update> batch, int highestId, IReadOnlyDictionary<int, string> outcomes)
    {
        var handedBack = batch.Where(u => !outcomes.TryGetValue(u.Id, out var o) || o == Outcomes.Interrupted).Select(u => u.Id).ToList();
        return handedBack.Count > 0 ? handedBack.Min() : highestId + 1;
    }
}
