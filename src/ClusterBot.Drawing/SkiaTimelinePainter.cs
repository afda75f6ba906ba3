using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Study;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ClusterBot.Drawing;

/// <summary>
/// Draws a timeline as a Gantt-like PNG: a year axis, one row per period under its country's or programme's name,
/// the single years the paper names as dots, the title on top and the source line at the foot.
/// </summary>
public sealed partial class SkiaTimelinePainter : ITimelinePainter, IDisposable
{
    private const float Margin = 40, Row = 40, TitleHeight = 70, AxisHeight = 40, FootHeight = 60, BarHeight = 26;
    private static readonly SKColor Ink = new(0x22, 0x2b, 0x36), Grid = new(0xdd, 0xe3, 0xea), Muted = new(0x5f, 0x6b, 0x7a);
    private static readonly SKColor[] LaneColours = [new(0x2e, 0x6f, 0xd8), new(0xe0, 0x7a, 0x1f), new(0x2a, 0x9d, 0x6b), new(0x9b, 0x4d, 0xca), new(0xc9, 0x3c, 0x4b)];

    private readonly TimelineOptions _options;
    private readonly Lazy<TimelineFonts?> _fonts;

    public SkiaTimelinePainter(IOptions<TimelineOptions> options, ILogger<SkiaTimelinePainter> logger)
    {
        _options = options.Value;
        // Loaded on first use and said once: a missing font is a deployment matter, not one per request.
        _fonts = new Lazy<TimelineFonts?>(() =>
        {
            var fonts = TimelineFonts.Load(_options, out var problem);
            if (fonts is null) LogNoFont(logger, problem ?? "unknown");
            return fonts;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether pictures can be drawn (the font loads and has Cyrillic).</summary>
    public bool CanPaint => _fonts.Value is not null;

    public byte[]? Paint(Timeline timeline)
    {
        if (_fonts.Value is not { } fonts) return null;
        var rows = timeline.Lanes.Sum(l => 1 + l.Periods.Count + (l.Marks.Count > 0 ? 1 : 0));
        var width = _options.Width;
        var height = (int)(TitleHeight + AxisHeight + rows * Row + FootHeight);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        using var title = fonts.Bold(26);
        using var heading = fonts.Bold(17);
        using var label = fonts.Regular(15);
        using var small = fonts.Regular(13);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 1, IsAntialias = true };

        canvas.DrawText(Fit(timeline.Title, title, width - (2 * Margin)), Margin, 45, SKTextAlign.Left, title, ink);

        // The axis runs from the first year to the year after the last, each year a column.
        var from = timeline.From;
        var to = timeline.To + 1;
        var left = Margin;
        var right = width - Margin;
        float X(int year) => left + ((right - left) * (year - from) / (float)(to - from));
        var top = TitleHeight + AxisHeight;
        var bottom = top + (rows * Row);
        var step = to - from > 24 ? 5 : to - from > 12 ? 2 : 1;
        for (var year = from; year <= to; year++)
        {
            canvas.DrawLine(X(year), top - 8, X(year), bottom, grid);
            if ((year - from) % step == 0 && year < to)
            {
                canvas.DrawText($"{year}", X(year) + 3, top - 14, SKTextAlign.Left, small, muted);
            }
        }

        var y = top;
        for (var i = 0; i < timeline.Lanes.Count; i++)
        {
            var lane = timeline.Lanes[i];
            using var colour = new SKPaint { Color = LaneColours[i % LaneColours.Length], IsAntialias = true };
            using var faded = new SKPaint { Color = LaneColours[i % LaneColours.Length].WithAlpha(90), IsAntialias = true };
            canvas.DrawText(Fit(lane.Name, heading, right - left), left, y + 26, SKTextAlign.Left, heading, ink);
            y += Row;
            foreach (var period in lane.Periods)
            {
                // A period's years are inclusive: 2010–2012 covers three columns. An open end fades out.
                var x0 = X(period.Start);
                var x1 = X((period.End ?? to - 1) + 1);
                var bar = new SKRect(x0, y + ((Row - BarHeight) / 2), x1, y + ((Row + BarHeight) / 2));
                canvas.DrawRoundRect(bar, 5, 5, period.End is null ? faded : colour);
                // The years first, so a label cut for room still shows them; inside the bar where it fits, else beside it.
                var full = $"{period.Years} · {period.Label}";
                var inside = bar.Width - 12;
                var after = right - x1 - 8;
                var before = x0 - left - 8;
                var fits = label.MeasureText(full);
                var room = fits <= inside ? inside : fits <= after ? after : fits <= before ? before : Math.Max(inside, Math.Max(after, before));
                var text = Fit(full, label, room);
                if (room == inside)
                {
                    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
                    canvas.DrawText(text, x0 + 6, bar.MidY + 5, SKTextAlign.Left, label, period.End is null ? ink : white);
                }
                else if (room == after)
                {
                    canvas.DrawText(text, x1 + 8, bar.MidY + 5, SKTextAlign.Left, label, ink);
                }
                else
                {
                    canvas.DrawText(text, x0 - 8, bar.MidY + 5, SKTextAlign.Right, label, ink);
                }

                y += Row;
            }

            if (lane.Marks.Count > 0)
            {
                foreach (var year in lane.Marks)
                {
                    var cx = (X(year) + X(year + 1)) / 2;
                    canvas.DrawCircle(cx, y + (Row / 2), 7, colour);
                    canvas.DrawText($"{year}", cx + 11, y + (Row / 2) + 5, SKTextAlign.Left, small, ink);
                }

                y += Row;
            }
        }

        canvas.DrawText(Fit(timeline.Source, small, right - left), left, height - (FootHeight / 2) + 5, SKTextAlign.Left, small, muted);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The text, cut with an ellipsis where it is wider than the room.</summary>
    private static string Fit(string text, SKFont font, float room)
    {
        if (font.MeasureText(text) <= room) return text;
        var cut = text.Length;
        while (cut > 1 && font.MeasureText(text[..cut] + "…") > room) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    public void Dispose()
    {
        if (_fonts.IsValueCreated) _fonts.Value?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timelines go as text: no usable font for pictures ({Problem}); set Timeline__FontPath to a TrueType font with Cyrillic")]
    private static partial void LogNoFont(ILogger logger, string problem);
}
