using ClusterBot.Core.Text;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Hosting;

/// <summary>
/// Loads what every question needs — SQLite's native library and the Snowball stemmers — in the background
/// while the host is being built, so a short-lived command does not pay for them one after the other.
/// </summary>
internal static class WarmUp
{
    public static void Start()
    {
        _ = Task.Run(() =>
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
        });
        _ = Task.Run(() => (WordStemmer.Stem("кластеров"), WordStemmer.Stem("clusters")));
    }
}
