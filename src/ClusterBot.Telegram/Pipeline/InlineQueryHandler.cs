using System.Security.Cryptography;
using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// Inline mode ("@ClusterBot torch" in any chat), translated: the query is a draft question of its user (Telegram asks
/// again on every keystroke, so the core counts one burst of typing as one question, see <see cref="DraftQuestions"/>),
/// and its answer and the answers its follow-ups lead to become up to N articles the user can post. An empty query
/// offers the topics /help lists.
/// </summary>
public sealed class InlineQueryHandler(
    ITelegramBotClient bot,
    BotApiCaller caller,
    ConversationPipeline conversations,
    TelegramConversations telegram,
    ReplyRenderer renderer,
    IOptions<TelegramOptions> options)
{
    private const int TitleLength = 60;
    private const int DescriptionLength = 120;
    private const int CacheSeconds = 300;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public Task<ConversationOutcome> HandleAsync(int updateId, InlineQuery query, CancellationToken cancellationToken)
    {
        var text = query.Query.Trim();
        // The user's own private chat has the user's id, so a /lang chosen there applies to inline answers too.
        var draft = telegram.Incoming(updateId, query.From.Id, query.From, text.Length == 0 ? "/" + CommandTable.Help.Name : text, isPrivate: true, addressed: true);
        return conversations.HandleDraftAsync(draft, (first, ct) => telegram.DeliverAsync(updateId, async () =>
        {
            var shown = text.Length > 0;
            var results = Articles(first, draft, shown).Take(options.Value.InlineResults).ToList();
            var personal = DependsOnLanguage(draft, results, shown);
            await caller.CallAsync("answerInlineQuery", c => bot.AnswerInlineQuery(query.Id, results, CacheSeconds, isPersonal: personal, cancellationToken: c), ct);
        }), cancellationToken);
    }

    /// <summary>
    /// Whether a user of the other language would get other articles for the same query (the empty query's topics, a
    /// follow-up command in the user's language, a /lang of their own …): then Telegram must cache them for this user
    /// only, or it hands one user's language to everyone who types the same query.
    /// </summary>
    private bool DependsOnLanguage(IncomingMessage draft, List<InlineQueryResultArticle> results, bool shown)
    {
        if (conversations.Languages.ChatSetting(draft) is not null) return true;
        var other = draft with { UserLocale = LanguagePolicy.FromLocale(draft.UserLocale) == Lang.En ? "ru" : "en" };
        var theirs = Articles(conversations.Preview(other with { MessageId = null }), other, shown).Take(results.Count + 1).ToList();
        return theirs.Count != results.Count || theirs.Zip(results).Any(p => p.First.Id != p.Second.Id || Content(p.First) != Content(p.Second));
    }

    private static string Content(InlineQueryResultArticle article) => (article.InputMessageContent as InputTextMessageContent)?.MessageText ?? "";

    /// <param name="shown">Whether the first answer is an article itself (not for the empty query, whose follow-ups are the topics).</param>
    private IEnumerable<InlineQueryResultArticle> Articles(Reply first, IncomingMessage draft, bool shown)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (shown && first.Answered && seen.Add(string.Join(',', first.FactIds)))
        {
            yield return Article(draft.Text, first);
        }

        foreach (var followUp in first.FollowUps)
        {
            // What a follow-up leads to is shown, not asked: previewed, neither counted nor logged.
            var reply = conversations.Preview(draft with { Text = followUp.Command, MessageId = null });
            if (reply.Answered && seen.Add(string.Join(',', reply.FactIds)))
            {
                yield return Article(followUp.Command, reply);
            }
        }
    }

    private InlineQueryResultArticle Article(string key, Reply reply)
    {
        var rendered = renderer.Render(reply);
        var plain = reply.Blocks.OfType<Paragraph>().Select(p => p.Text).FirstOrDefault() ?? reply.ToPlainText();
        var title = reply.Blocks.OfType<Heading>().Select(h => h.Text).FirstOrDefault() ?? plain;
        return new InlineQueryResultArticle(Id(key), Shorten(title, TitleLength), new InputTextMessageContent(rendered.Messages[0])
        {
            ParseMode = ParseMode.Html,
            LinkPreviewOptions = NoPreview,
        })
        {
            Description = Shorten(plain, DescriptionLength),
        };
    }

    /// <summary>Result ids must be unique and at most 64 bytes: a hash of what produced the article.</summary>
    private static string Id(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
