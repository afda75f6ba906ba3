namespace ClusterBot.Data.State;

/// <summary>
/// One step of the operational schema. Steps are applied in version order, each once, and recorded in
/// `schema_migrations`; a released step is never edited, a change is a new step.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>The steps for each engine. Their versions mean the same change on both.</summary>
internal static class Migrations
{
    public const string TableSql = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public static readonly IReadOnlyList<Migration> Sqlite =
    [
        // The tables as the schema before migrations created them (so a file from then is taken as it is).
        new(1, "chat settings, handled updates, question log", """
            CREATE TABLE IF NOT EXISTS chat_settings (platform TEXT NOT NULL, chat_id TEXT NOT NULL, lang TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (platform, chat_id));
            CREATE TABLE IF NOT EXISTS handled_updates (platform TEXT NOT NULL, update_id TEXT NOT NULL, state TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (platform, update_id));
            CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL, normalised TEXT NOT NULL, command TEXT, closest TEXT);
            CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
            """),
        // A claim belongs to an instance for as long as it renews its lease; an old claim's lease ends at once.
        new(2, "leased claims, webhook inbox", """
            ALTER TABLE handled_updates ADD COLUMN owner TEXT;
            ALTER TABLE handled_updates ADD COLUMN lease_until TEXT;
            UPDATE handled_updates SET lease_until = at WHERE state = 'started';
            CREATE INDEX handled_updates_owner ON handled_updates (owner) WHERE owner IS NOT NULL;
            CREATE TABLE inbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, update_id TEXT NOT NULL, chat_key TEXT NOT NULL,
                payload TEXT NOT NULL, received_at TEXT NOT NULL, owner TEXT, lease_until TEXT, UNIQUE (platform, update_id));
            CREATE INDEX inbox_chat ON inbox (platform, chat_key, seq);
            """),
        // A question put to a chat, found again by the platform's handle (a poll id has no chat); an answer is counted
        // once per user per question by its key.
        new(3, "quizzes and their answers", """
            CREATE TABLE quizzes (
                platform TEXT NOT NULL, quiz_key TEXT NOT NULL, chat_id TEXT NOT NULL, question_id TEXT NOT NULL, lang TEXT NOT NULL,
                correct INTEGER NOT NULL, correct_option TEXT NOT NULL, option_count INTEGER NOT NULL, explanation TEXT NOT NULL,
                opened_at TEXT NOT NULL, PRIMARY KEY (platform, quiz_key));
            CREATE TABLE quiz_answers (
                platform TEXT NOT NULL, quiz_key TEXT NOT NULL, user_id TEXT NOT NULL, chat_id TEXT NOT NULL, user_name TEXT NOT NULL,
                choice INTEGER NOT NULL, is_right INTEGER NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (platform, quiz_key, user_id));
            CREATE INDEX quiz_answers_chat ON quiz_answers (platform, chat_id, answered_at);
            """),
        // A take walks the inbox in arrival order and stops at its limit; without this index SQLite read every waiting
        // update of the platform through inbox_chat, checked each against its chat and sorted them, on every take.
        new(4, "inbox in arrival order", "CREATE INDEX inbox_order ON inbox (platform, seq);"),
    ];

    public static readonly IReadOnlyList<Migration> Postgres =
    [
        new(1, "chat settings, handled updates, question log", """
            CREATE TABLE chat_settings (platform text NOT NULL, chat_id text NOT NULL, lang text, updated_at timestamptz NOT NULL, PRIMARY KEY (platform, chat_id));
            CREATE TABLE handled_updates (platform text NOT NULL, update_id text NOT NULL, state text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (platform, update_id));
            CREATE INDEX handled_updates_at ON handled_updates (at);
            CREATE TABLE questions (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, platform text NOT NULL, kind text NOT NULL,
                outcome text NOT NULL, normalised text NOT NULL, command text, closest text);
            CREATE INDEX questions_at ON questions (at);
            """),
        new(2, "leased claims, webhook inbox", """
            ALTER TABLE handled_updates ADD COLUMN owner text, ADD COLUMN lease_until timestamptz;
            UPDATE handled_updates SET lease_until = at WHERE state = 'started';
            CREATE INDEX handled_updates_owner ON handled_updates (owner) WHERE owner IS NOT NULL;
            CREATE TABLE inbox (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, platform text NOT NULL, update_id text NOT NULL, chat_key text NOT NULL,
                payload text NOT NULL, received_at timestamptz NOT NULL, owner text, lease_until timestamptz, UNIQUE (platform, update_id));
            CREATE INDEX inbox_chat ON inbox (platform, chat_key, seq);
            """),
        new(3, "quizzes and their answers", """
            CREATE TABLE quizzes (
                platform text NOT NULL, quiz_key text NOT NULL, chat_id text NOT NULL, question_id text NOT NULL, lang text NOT NULL,
                correct integer NOT NULL, correct_option text NOT NULL, option_count integer NOT NULL, explanation text NOT NULL,
                opened_at timestamptz NOT NULL, PRIMARY KEY (platform, quiz_key));
            CREATE TABLE quiz_answers (
                platform text NOT NULL, quiz_key text NOT NULL, user_id text NOT NULL, chat_id text NOT NULL, user_name text NOT NULL,
                choice integer NOT NULL, is_right integer NOT NULL, answered_at timestamptz NOT NULL, PRIMARY KEY (platform, quiz_key, user_id));
            CREATE INDEX quiz_answers_chat ON quiz_answers (platform, chat_id, answered_at);
            """),
        new(4, "inbox in arrival order", "CREATE INDEX inbox_order ON inbox (platform, seq);"),
    ];
}
