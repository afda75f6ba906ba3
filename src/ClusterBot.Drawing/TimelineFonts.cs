using SkiaSharp;

namespace ClusterBot.Drawing;

/// <summary>The faces a timeline is drawn with, loaded from files once; null when the configured font is unusable.</summary>
internal sealed class TimelineFonts(SKTypeface regular, SKTypeface bold, bool fakeBold) : IDisposable
{
    /// <summary>Text the font must cover: both languages' letters and the dash of a period.</summary>
    private const string Needed = "АБВЯабвяёЁABCabc0123456789–«»";

    public SKFont Regular(float size) => new(regular, size);

    public SKFont Bold(float size) => new(bold, size) { Embolden = fakeBold };

    public static TimelineFonts? Load(TimelineOptions options, out string? problem)
    {
        var regular = File.Exists(options.FontPath) ? SKTypeface.FromFile(options.FontPath) : null;
        if (regular is null)
        {
            problem = $"no font at {options.FontPath}";
            return null;
        }

        using var probe = new SKFont(regular);
        if (!probe.ContainsGlyphs(Needed))
        {
            problem = $"the font {options.FontPath} has no Cyrillic";
            regular.Dispose();
            return null;
        }

        var bold = options.BoldFontPath is { } path && File.Exists(path) ? SKTypeface.FromFile(path) : null;
        problem = null;
        return new TimelineFonts(regular, bold ?? regular, fakeBold: bold is null);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(bold, regular)) bold.Dispose();
        regular.Dispose();
    }
}
