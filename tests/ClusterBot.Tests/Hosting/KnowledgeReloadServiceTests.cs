using ClusterBot.Data;
using ClusterBot.Hosting;
using ClusterBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Tests.Hosting;

public sealed class KnowledgeReloadServiceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _folder;
    private readonly KnowledgeLoader _loader;
    private readonly CollectingLogger<KnowledgeReloadService> _logs = new();
    private readonly KnowledgeReloadService _service;

    public KnowledgeReloadServiceTests()
    {
        _folder = _temp.CopyKnowledge();
        var options = Options.Create(new KnowledgeOptions { Path = _folder });
        _loader = new KnowledgeLoader(new KnowledgeStore(new SqliteDatabase(_temp.File("store.db"))), options,
            new LoggerFactory().CreateLogger<KnowledgeLoader>());
        _service = new KnowledgeReloadService(_loader, options, TimeProvider.System, _logs);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_saved_edit_is_swapped_in()
    {
        var before = _loader.Current;
        Edit("china.yaml", "China selected 19 clusters", "China selected nineteen clusters");

        _service.CheckOnce();

        Assert.NotSame(before, _loader.Current);
        Assert.Contains("nineteen", _loader.Current.Index.FindDocument("cn-19-clusters")!.Fact!.Text.En);
        Assert.Contains(_logs.Lines, l => l.Contains("Knowledge reloaded", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_edit_is_refused_once_with_file_and_line_and_the_old_knowledge_keeps_serving()
    {
        var before = _loader.Current;
        Edit("korea.yaml", "refs: [7]", "refs: [77]");

        _service.CheckOnce();
        _service.CheckOnce();

        Assert.Same(before, _loader.Current);
        var refused = Assert.Single(_logs.Lines, l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Matches(@"korea\.yaml:\d+: .*unknown reference \[77\]", refused);

        Edit("korea.yaml", "refs: [77]", "refs: [7]");
        _service.CheckOnce();
        Assert.Same(before, _loader.Current);
    }

    [Fact]
    public void Nothing_happens_while_the_folder_is_unchanged()
    {
        var before = _loader.Current;
        _service.CheckOnce();
        Assert.Same(before, _loader.Current);
        Assert.Empty(_logs.Lines);
    }

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        // Only the first occurrence: one edit, one error.
        var at = text.IndexOf(from, StringComparison.Ordinal);
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }
}
