using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Operations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>A pipeline over the real engine and knowledge, with in-memory stand-ins for the store's ledger, settings and log.</summary>
internal sealed class PipelineParts
{
    public PipelineParts(IAnswerEngine engine, IMeterFactory meters, TimeProvider? time = null, int maxQuestions = 100, int windowSeconds = 60,
        IQuestionLog? log = null, string defaultLanguage = "ru")
    {
        Time = time ?? TimeProvider.System;
        Log = log ?? new RecordingLog();
        var options = Options.Create(new AnswerEngineOptions { DefaultLanguage = defaultLanguage });
        Languages = new LanguagePolicy(options, Settings);
        Monitor = new MonitoredConversations(
            new InboundFloodGuard(Options.Create(new InboundOptions { MaxQuestions = maxQuestions, WindowSeconds = windowSeconds })),
            Log, new ClusterBotMetrics(meters), Time, NullLogger<MonitoredConversations>.Instance);
        Drafts = new DraftQuestions(Monitor, Time);
        Pipeline = new ConversationPipeline(engine, Languages, new ConversationLedger(NullLogger<ConversationLedger>.Instance, Ledger), Monitor, Drafts, Time,
            NullLogger<ConversationPipeline>.Instance);
    }

    public TimeProvider Time { get; }

    public IQuestionLog Log { get; }

    public List<QuestionRecord> Records => ((RecordingLog)Log).Records;

    public MemorySettings Settings { get; } = new();

    public MemoryLedger Ledger { get; } = new();

    public LanguagePolicy Languages { get; }

    public MonitoredConversations Monitor { get; }

    public DraftQuestions Drafts { get; }

    public ConversationPipeline Pipeline { get; }

    public static IncomingMessage Message(string text, string? id = null, string user = "1", string chat = "100", ChatKind kind = ChatKind.Private,
        bool addressed = true, string? locale = null, string platform = "telegram") =>
        new(platform, chat, id, user, text, kind, addressed, locale) { BotUsername = "ClusterBot" };

    /// <summary>Asks and returns what was delivered (null: nothing was) with the outcome.</summary>
    public async Task<(ConversationOutcome Outcome, Reply? Reply)> AskAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        Reply? delivered = null;
        var outcome = await Pipeline.HandleAsync(message, (reply, _) =>
        {
            delivered = reply;
            return Task.CompletedTask;
        }, cancellationToken);
        return (outcome, delivered);
    }

    internal sealed class RecordingLog : IQuestionLog
    {
        public List<QuestionRecord> Records { get; } = [];

        public void Record(QuestionRecord record)
        {
            lock (Records) Records.Add(record);
        }

        public int Prune(TimeSpan olderThan) => 0;
    }

    internal sealed class MemorySettings : IChatSettingsStore
    {
        private readonly ConcurrentDictionary<(string, string), Lang> _languages = new();

        public Lang? GetLanguage(string platform, string chatId) => _languages.TryGetValue((platform, chatId), out var l) ? l : null;

        public void SetLanguage(string platform, string chatId, Lang language) => _languages[(platform, chatId)] = language;
    }

    /// <summary>The ledger's contract (claim, complete, abandon) in memory; the store's own is tested against SQLite and PostgreSQL.</summary>
    internal sealed class MemoryLedger : IUpdateLedger
    {
        public ConcurrentDictionary<(string, string), string> States { get; } = new();

        public bool TryBegin(string platform, string updateId) => States.TryAdd((platform, updateId), "started");

        public bool IsCompleted(string platform, string updateId) => States.TryGetValue((platform, updateId), out var s) && s != "started";

        public void Complete(string platform, string updateId, ConversationOutcome outcome) => States[(platform, updateId)] = outcome.Name();

        public void Abandon(string platform, string updateId)
        {
            if (States.TryGetValue((platform, updateId), out var s) && s == "started") States.TryRemove((platform, updateId), out _);
        }

        public int Prune(TimeSpan olderThan) => 0;
    }
}
