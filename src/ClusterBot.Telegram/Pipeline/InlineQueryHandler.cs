using System.Security.Cryptography;
using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// Inline mode ("@ClusterBot torch" in any chat): the answer to the query and the answers its follow-ups
/// lead to, as up to N articles the user can post. An empty query offers the topics /help lists.
/// </summary>
public sealed class InlineQueryHandler(
    ITelegramBotClient bot,
    BotApiCaller caller,
    IAnswerEngine engine,
    AnswerEngine unrecorded,
    BotIdentity identity,
    ReplyRenderer renderer,
    IOptions<TelegramOptions> options)
{
    private const int TitleLength = 60;
    private const int DescriptionLength = 120;
    private const int CacheSeconds = 300;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public async Task<string> HandleAsync(InlineQuery query, CancellationToken cancellationToken)
    {
        var text = query.Query.Trim();
        var results = Articles(engine, text, query.From.LanguageCode).Take(options.Value.InlineResults).ToList();
        var personal = DependsOnLanguage(text, query.From.LanguageCode, results);
        await caller.CallAsync("answerInlineQuery", ct => bot.AnswerInlineQuery(query.Id, results, CacheSeconds, isPersonal: personal, cancellationToken: ct), cancellationToken);
        return Outcomes.Sent;
    }

    /// <summary>
    /// Whether a user of the other language would get other articles for the same query (the empty query's
    /// topics, a follow-up command in the user's language …): then Telegram must cache them for this user only,
    /// or it hands one user's language to everyone who types the same query.
    /// </summary>
    private bool DependsOnLanguage(string text, string? userLanguage, List<InlineQueryResultArticle> results)
    {
        var other = LangExtensions.ParseLang(userLanguage?.Split('-')[0]) == Lang.En ? "ru" : "en";
        // Asked of the bare engine: a probe, not a question, so it is neither counted nor logged.
        var theirs = Articles(unrecorded, text, other).Take(results.Count + 1).ToList();
        return theirs.Count != results.Count || theirs.Zip(results).Any(p => p.First.Id != p.Second.Id || Content(p.First) != Content(p.Second));
    }

    private static string Content(InlineQueryResultArticle article) => (article.InputMessageContent as InputTextMessageContent)?.MessageText ?? "";

    private IEnumerable<InlineQueryResultArticle> Articles(IAnswerEngine answering, string text, string? userLanguage)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = answering.Answer(Ask(text.Length == 0 ? "/" + CommandTable.Help.Name : text, userLanguage));
        if (text.Length > 0 && first.Answered && seen.Add(string.Join(',', first.FactIds)))
        {
            yield return Article(text, first);
        }

        foreach (var followUp in first.FollowUps)
        {
            var reply = answering.Answer(Ask(followUp.Command, userLanguage));
            if (reply.Answered && seen.Add(string.Join(',', reply.FactIds)))
            {
                yield return Article(followUp.Command, reply);
            }
        }
    }

    private Question Ask(string text, string? userLanguage) =>
        new(text, ChatKind.Private, Addressed: true, UserLanguage: userLanguage, BotUsername: identity.Username);

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
