using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClusterBot.Testing.Telegram;

/// <summary>Updates as Telegram sends them (snake_case JSON), with the entities Telegram would mark.</summary>
public static partial class Updates
{
    public const long UserId = 501;
    private const long Date = 1_700_000_000;

    public static JsonObject PrivateText(int updateId, long chatId, string text, string? languageCode = "ru", int? messageId = null) =>
        Message(updateId, Chat(chatId, "private"), User(chatId, languageCode), messageId ?? updateId * 10, m => SetText(m, text));

    public static JsonObject GroupText(int updateId, long chatId, string text, int? messageId = null, bool replyToBot = false, string? languageCode = "ru", string chatType = "supergroup") =>
        Message(updateId, Chat(chatId, chatType), User(UserId, languageCode), messageId ?? updateId * 10, m =>
        {
            SetText(m, text);
            if (replyToBot)
            {
                m["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = 5, ["date"] = Date, ["chat"] = Chat(chatId, "supergroup"), ["text"] = "Earlier answer",
                    ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = FakeBotApi.Username },
                };
            }
        });

    /// <summary>A message in a forum topic: Telegram marks it with the topic's thread id.</summary>
    public static JsonObject TopicText(int updateId, long chatId, int threadId, string text, int messageId, string? languageCode = "ru") =>
        Message(updateId, ForumChat(chatId), User(UserId, languageCode), messageId, m =>
        {
            SetText(m, text);
            m["message_thread_id"] = threadId;
            m["is_topic_message"] = true;
        });

    /// <summary>The service message in a group upgraded to a supergroup, naming the new id.</summary>
    public static JsonObject MigratedTo(int updateId, long groupId, long supergroupId) =>
        Message(updateId, Chat(groupId, "group"), User(UserId, "ru"), updateId * 10, m => m["migrate_to_chat_id"] = supergroupId);

    /// <summary>The service message in the new supergroup, naming the group it was upgraded from.</summary>
    public static JsonObject MigratedFrom(int updateId, long supergroupId, long groupId) =>
        Message(updateId, Chat(supergroupId, "supergroup"), User(UserId, "ru"), updateId * 10, m => m["migrate_from_chat_id"] = groupId);

    public static JsonObject Sticker(int updateId, long chatId, bool group = false) =>
        Message(updateId, Chat(chatId, group ? "supergroup" : "private"), User(group ? UserId : chatId, "en"), updateId * 10, m =>
            m["sticker"] = new JsonObject
            {
                ["file_id"] = "CAACAgIAAxkBAAEB", ["file_unique_id"] = "AgADAQAD", ["type"] = "regular",
                ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "👍",
            });

    /// <summary>A user's answer to a non-anonymous poll: it names the poll and the user, not the chat.</summary>
    public static JsonObject PollAnswer(int updateId, string pollId, long userId, string firstName, params int[] optionIds) => new()
    {
        ["update_id"] = updateId,
        ["poll_answer"] = new JsonObject
        {
            ["poll_id"] = pollId,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "ru" },
            ["option_ids"] = new JsonArray([.. optionIds.Select(o => (JsonNode)o)]),
        },
    };

    public static JsonObject Callback(int updateId, long chatId, string data, int messageId = 77, string type = "private", string? languageCode = "ru") => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb{updateId}",
            ["from"] = User(type == "private" ? chatId : UserId, languageCode),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["date"] = Date, ["chat"] = Chat(chatId, type), ["text"] = "Earlier answer",
                ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot" },
            },
            ["chat_instance"] = "-4242",
            ["data"] = data,
        },
    };

    public static JsonObject Inline(int updateId, string query, string? languageCode = "en") => new()
    {
        ["update_id"] = updateId,
        ["inline_query"] = new JsonObject { ["id"] = $"iq{updateId}", ["from"] = User(UserId, languageCode), ["query"] = query, ["offset"] = "" },
    };

    private static JsonObject Message(int updateId, JsonObject chat, JsonObject from, int messageId, Action<JsonObject> fill)
    {
        var message = new JsonObject { ["message_id"] = messageId, ["from"] = from, ["chat"] = chat, ["date"] = Date };
        fill(message);
        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    /// <summary>The text and the entities Telegram marks in it: a leading /command and every @mention.</summary>
    private static void SetText(JsonObject message, string text)
    {
        message["text"] = text;
        var entities = new JsonArray();
        var command = CommandAtStart().Match(text);
        if (command.Success) entities.Add(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Length });
        foreach (Match m in Mention().Matches(text))
        {
            if (command.Success && m.Index < command.Length) continue;
            entities.Add(new JsonObject { ["type"] = "mention", ["offset"] = m.Index, ["length"] = m.Length });
        }

        if (entities.Count > 0) message["entities"] = entities;
    }

    private static JsonObject Chat(long id, string type) => type == "private"
        ? new JsonObject { ["id"] = id, ["type"] = type, ["first_name"] = "Anna" }
        : new JsonObject { ["id"] = id, ["type"] = type, ["title"] = "Economics 301" };

    private static JsonObject ForumChat(long id) => new() { ["id"] = id, ["type"] = "supergroup", ["title"] = "Economics 301", ["is_forum"] = true };

    private static JsonObject User(long id, string? languageCode)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Anna" };
        if (languageCode is not null) user["language_code"] = languageCode;
        return user;
    }

    [GeneratedRegex(@"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")]
    private static partial Regex CommandAtStart();

    [GeneratedRegex(@"@[A-Za-z0-9_]{3,}")]
    private static partial Regex Mention();
}
