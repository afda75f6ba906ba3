using ClusterBot.Core.Knowledge;
using ClusterBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Hosting;

/// <summary>
/// Watches the knowledge folder while the bot runs: a saved edit is validated and swapped in whole within
/// a few seconds; an invalid edit is refused with a log line per error (file and line) and the previous
/// knowledge keeps serving. Polling the content hash is cheap (a few files) and, unlike file-system
/// events, works the same on every file system and editor.
/// </summary>
public sealed partial class KnowledgeReloadService(
    KnowledgeLoader loader,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeReloadService> logger) : BackgroundService
{
    private string? _lastRefusedHash;

    /// <summary>Loads (and if needed imports) the knowledge before the adapters start, so a broken folder stops start-up.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _ = loader.Current;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.ReloadSeconds);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                CheckOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or a failed start being torn down): not an error worth a log line.
        }
    }

    /// <summary>One look at the folder: reload when its content changed since the knowledge now serving.</summary>
    public void CheckOnce()
    {
        string hash;
        try
        {
            hash = KnowledgeYamlReader.ComputeContentHash(loader.Folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KnowledgeValidationException)
        {
            LogUnreadable(logger, loader.Folder, ex.Message);
            return;
        }

        if (hash == loader.Current.Index.Knowledge.ContentHash || hash == _lastRefusedHash)
        {
            return;
        }

        try
        {
            var snapshot = loader.Reload();
            _lastRefusedHash = null;
            LogReloaded(logger, snapshot.Index.Knowledge.Facts.Count);
        }
        catch (KnowledgeValidationException ex)
        {
            _lastRefusedHash = hash;
            foreach (var error in ex.Errors)
            {
                LogRefused(logger, error.File, error.Line, error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge reloaded: {Facts} facts now serving")]
    private static partial void LogReloaded(ILogger logger, int facts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge edit refused, previous knowledge keeps serving: {File}:{Line}: {Error}")]
    private static partial void LogRefused(ILogger logger, string file, int line, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge folder {Folder} could not be read: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string folder, string error);
}
