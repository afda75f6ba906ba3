namespace ClusterBot.Data;

/// <summary>
/// The knowledge tables of the SQLite file, rebuilt on import and dropped when this schema changes. The
/// operational tables (chat settings, handled updates, the inbox, the question log) are versioned migrations of
/// their own, in <see cref="State.Migrations"/>, for whichever engine holds them.
/// </summary>
internal static class Schema
{
    private const string EntityColumns = """
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, parent_id TEXT, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
        summary_ru TEXT NOT NULL, summary_en TEXT NOT NULL, section TEXT NOT NULL, refs TEXT NOT NULL,
        ord INTEGER, start_year INTEGER, end_year INTEGER, years TEXT NOT NULL, quote TEXT NOT NULL, asks TEXT NOT NULL,
        file TEXT NOT NULL, line INTEGER NOT NULL, seq INTEGER NOT NULL
        """;

    /// <summary>Tables derived from the knowledge folder: dropped when the schema changes, since the next import rebuilds them.</summary>
    public static readonly string[] KnowledgeTables =
        ["sections", "sources", "countries", "regions", "programmes", "phases", "aliases", "facts", "fact_about", "docs_fts", "doc_stems", "knowledge_image"];

    public const string Sql = $"""
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sections (id TEXT PRIMARY KEY, title_ru TEXT NOT NULL, title_en TEXT NOT NULL, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sources (number INTEGER PRIMARY KEY, section TEXT NOT NULL, cited_for_ru TEXT NOT NULL, cited_for_en TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS countries ({EntityColumns});
        CREATE TABLE IF NOT EXISTS regions ({EntityColumns});
        CREATE TABLE IF NOT EXISTS programmes ({EntityColumns});
        CREATE TABLE IF NOT EXISTS phases ({EntityColumns});
        CREATE TABLE IF NOT EXISTS aliases (entity_id TEXT NOT NULL, lang TEXT NOT NULL, alias TEXT NOT NULL, normalised TEXT NOT NULL, seq INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS aliases_normalised ON aliases (normalised);
        CREATE TABLE IF NOT EXISTS facts (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, text_ru TEXT NOT NULL, text_en TEXT NOT NULL,
            items TEXT NOT NULL, keywords_ru TEXT NOT NULL, keywords_en TEXT NOT NULL,
            numbers TEXT NOT NULL, years TEXT NOT NULL, section TEXT NOT NULL, refs TEXT NOT NULL, see TEXT NOT NULL,
            quote TEXT NOT NULL, asks TEXT NOT NULL,
            file TEXT NOT NULL, line INTEGER NOT NULL, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS fact_about (fact_id TEXT NOT NULL, entity_id TEXT NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY (fact_id, entity_id));
        CREATE TABLE IF NOT EXISTS doc_stems (doc_id TEXT PRIMARY KEY, text_stems TEXT NOT NULL, all_stems TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS knowledge_image (id INTEGER PRIMARY KEY CHECK (id = 1), content_hash TEXT NOT NULL, image BLOB NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(doc_id UNINDEXED, names, keywords, body, tokenize = 'unicode61 remove_diacritics 0');
        """;
}
