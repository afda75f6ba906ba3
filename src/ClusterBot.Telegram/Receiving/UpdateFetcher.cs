using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Receiving;

/// <summary>One readable update with the JSON it came as (what the inbox keeps).</summary>
public sealed record FetchedUpdate(Update Update, string Json);

/// <summary>What one getUpdates call brought.</summary>
/// <param name="Updates">The readable updates, in Telegram's order.</param>
/// <param name="Unreadable">Ids of the updates that could not be read as one.</param>
/// <param name="HighestId">The highest update_id in the answer, readable or not; null for an empty answer.</param>
public sealed record FetchedUpdates(IReadOnlyList<FetchedUpdate> Updates, IReadOnlyList<int> Unreadable, int? HighestId)
{
    public static readonly FetchedUpdates Empty = new([], [], null);
}

/// <summary>
/// getUpdates through the real client, but each update read on its own: the library reads the whole array
/// at once, so one update it cannot convert (a date out of range, a field of an unexpected type) would fail
/// the call every time and block polling for good. Here that update is set aside by id (its id still counts
/// towards the offset) and the updates beside it are handled.
/// </summary>
public sealed partial class UpdateFetcher(ITelegramBotClient bot, ILogger<UpdateFetcher> logger)
{
    public async Task<FetchedUpdates> FetchAsync(int? offset, int limit, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var raw = await bot.SendRequest(new RawGetUpdatesRequest
        {
            Offset = offset,
            Limit = limit,
            Timeout = timeoutSeconds,
            AllowedUpdates = TelegramStartup.AllowedUpdates,
        }, cancellationToken);
        if (raw.Length == 0) return FetchedUpdates.Empty;

        var updates = new List<FetchedUpdate>(raw.Length);
        var unreadable = new List<int>();
        int? highest = null;
        foreach (var element in raw)
        {
            var id = IdOf(element);
            if (id is { } known) highest = highest is { } h ? Math.Max(h, known) : known;
            if (UpdateReader.Read(element) is { } update)
            {
                updates.Add(new FetchedUpdate(update, element.GetRawText()));
            }
            else if (id is { } set)
            {
                unreadable.Add(set);
            }
            else
            {
                // Without an id it cannot be told apart, nor acknowledged on its own; a later update's offset passes it.
                LogNoId(logger);
            }
        }

        return new FetchedUpdates(updates, unreadable, highest);
    }

    private static int? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt32(out var value) ? value : null;

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "getUpdates returned an entry without an update_id; skipped")]
    private static partial void LogNoId(ILogger logger);

    /// <summary>getUpdates with the result kept as raw JSON, so each update can be read on its own.</summary>
    internal sealed class RawGetUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
    {
        public int? Offset { get; init; }

        public int? Limit { get; init; }

        public int? Timeout { get; init; }

        [JsonPropertyName("allowed_updates")]
        public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
    }
}
