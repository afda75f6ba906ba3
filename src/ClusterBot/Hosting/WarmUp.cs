using ClusterBot.Core.Text;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Hosting;

/// <summary>
/// Loads what every question needs — SQLite's native library and the Snowball stemmers — in the background
/// while the host is being built, so a short-lived command does not pay for them one after the other.
/// </summary>
/// <remarks>
/// On a thread of its own, not the thread pool: a command's own work runs on its main thread, and starting the
/// pool (its worker and gate threads) only for this cost a cold `ask` more than the two loads take in turn.
/// </remarks>
internal static class WarmUp
{
    public static void Start()
    {
        var thread = new Thread(Load) { IsBackground = true, Name = "warm-up" };
        thread.Start();
    }

    private static void Load()
    {
        try
        {
            using (var connection = new SqliteConnection("Data Source=:memory:"))
            {
                connection.Open();
            }

            _ = (WordStemmer.Stem("кластеров"), WordStemmer.Stem("clusters"));
        }
        catch (Exception)
        {
            // Only a head start: whatever failed here fails again where it is needed, and is reported there.
        }
    }
}
