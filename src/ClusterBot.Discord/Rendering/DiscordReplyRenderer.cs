using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Rendering;

/// <summary>A reply ready to send: one or more messages of content, with the follow-up buttons for the last one.</summary>
internal sealed record RenderedReply(IReadOnlyList<string> Messages, IReadOnlyList<ActionRowComponent> Components)
{
    /// <summary>Files that go with the first message (a timeline picture).</summary>
    public IReadOnlyList<UploadFile>? Files { get; init; }
}

/// <summary>Renders the core's reply as Discord markdown, with its citation and follow-ups as buttons.</summary>
internal static class DiscordReplyRenderer
{
    /// <summary>Prefix of a follow-up button's custom_id; the rest is the command the button runs.</summary>
    public const string FollowUpPrefix = "q:";
    private const int MaxCustomIdLength = 100;
    private const int MaxButtonLabelLength = 80;
    private const int ButtonsPerRow = 5;
    private const int MaxRows = 5;

    public static RenderedReply Render(Reply reply)
    {
        var sb = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            switch (block)
            {
                case Heading h:
                    sb.Append("**").Append(DiscordMarkdown.Escape(h.Text)).Append("**");
                    break;
                case Paragraph p:
                    sb.Append(DiscordMarkdown.Escape(p.Text));
                    break;
                case BulletList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (i > 0) sb.Append('\n');
                        sb.Append(list.Numbered ? $"{i + 1}. " : "- ").Append(DiscordMarkdown.Escape(list.Items[i]));
                    }

                    break;
            }
        }

        foreach (var citation in reply.Citations)
        {
            // Italics set the source apart from the answer, as a footnote would.
            sb.Append("\n\n*").Append(DiscordMarkdown.Escape(citation.Text)).Append('*');
        }

        return new RenderedReply(MessageSplitter.Split(sb.ToString()), Buttons(reply.FollowUps));
    }

    /// <summary>The command a follow-up button stands for, or null for a custom_id that is not ours.</summary>
    public static string? CommandOf(string? customId) =>
        customId is { } id && id.StartsWith(FollowUpPrefix, StringComparison.Ordinal) && id.Length > FollowUpPrefix.Length
            ? id[FollowUpPrefix.Length..]
            : null;

    private static IReadOnlyList<ActionRowComponent> Buttons(IReadOnlyList<FollowUp> followUps)
    {
        // The command itself is the custom_id: short, stateless, and it survives a restart.
        var buttons = followUps
            .Where(f => f.Label.Length > 0 && FollowUpPrefix.Length + f.Command.Length <= MaxCustomIdLength)
            .DistinctBy(f => f.Command)
            .Take(ButtonsPerRow * MaxRows)
            .Select(f => new ButtonComponent(Shorten(f.Label), FollowUpPrefix + f.Command))
            .ToList();
        return buttons.Chunk(ButtonsPerRow).Select(row => new ActionRowComponent(row)).ToList();
    }

    private static string Shorten(string label) =>
        label.Length <= MaxButtonLabelLength ? label : label[..(MaxButtonLabelLength - 1)] + "…";
}
