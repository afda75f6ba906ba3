using ClusterBot.Core.Knowledge;
using ClusterBot.Data.State;
using ClusterBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Data.Tests.State;

/// <summary>A SQLite file written before the state had migrations is taken over with its contents.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void A_file_from_before_migrations_keeps_its_settings_and_its_unfinished_claims_become_takeable()
    {
        var path = _temp.File("old.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var command = c.CreateCommand();
            // The tables exactly as the schema created them before (its knowledge tables do not matter here).
            command.CommandText = """
                CREATE TABLE chat_settings (platform TEXT NOT NULL, chat_id TEXT NOT NULL, lang TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (platform, chat_id));
                CREATE TABLE handled_updates (platform TEXT NOT NULL, update_id TEXT NOT NULL, state TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (platform, update_id));
                CREATE TABLE questions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL, normalised TEXT NOT NULL, command TEXT, closest TEXT);
                INSERT INTO chat_settings VALUES ('telegram', '42', 'en', '2026-11-01T10:00:00.0000000Z');
                INSERT INTO handled_updates VALUES ('telegram', '5', 'started', '2026-11-01T10:00:00.0000000Z');
                INSERT INTO handled_updates VALUES ('telegram', '6', 'sent', '2026-11-01T10:00:00.0000000Z');
                """;
            command.ExecuteNonQuery();
        }

        var database = new SqliteStateDatabase(new SqliteDatabase(path));
        Assert.Equal(Migrations.Sqlite.Count, database.EnsureMigrated());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 10, 5, 0, TimeSpan.Zero));
        Assert.Equal(Lang.En, new ChatSettingsStore(database, time).GetLanguage("telegram", "42"));
        var ledger = new UpdateLedger(database, new StoreInstance("new", TimeSpan.FromSeconds(20)), time);
        Assert.True(ledger.TryBegin("telegram", "5"));
        Assert.False(ledger.TryBegin("telegram", "6"));
    }
}
