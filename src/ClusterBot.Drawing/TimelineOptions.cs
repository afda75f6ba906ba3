using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Drawing;

/// <summary>How timeline pictures are drawn (`Timeline` section).</summary>
public sealed class TimelineOptions
{
    public const string SectionName = "Timeline";

    /// <summary>A TrueType font with Cyrillic; where it is missing or lacks Cyrillic, timelines go as text.</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The bold face for headings; the regular face made bold where it is missing.</summary>
    public string? BoldFontPath { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>The picture's width in pixels; the height follows from the rows.</summary>
    [Range(600, 2400)]
    public int Width { get; set; } = 1200;
}

/// <summary>Checks the attributes on <see cref="TimelineOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class TimelineOptionsValidation : IValidateOptions<TimelineOptions>;
