using ClusterBot.Core.Study;

namespace ClusterBot.Core.Abstractions;

/// <summary>Draws a timeline as a PNG picture.</summary>
public interface ITimelinePainter
{
    /// <summary>The PNG's bytes; null when no picture can be drawn (no usable font), and the timeline goes as text instead.</summary>
    byte[]? Paint(Timeline timeline);
}
