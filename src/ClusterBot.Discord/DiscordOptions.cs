using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord;

/// <summary>Gateway intents the bot asks for (bit flags as in Discord's documentation).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,

    /// <summary>What the bot needs: guild and DM messages, with their text.</summary>
    Default = Guilds | GuildMessages | DirectMessages | MessageContent,
}

/// <summary>Bound from the `Discord` configuration section (`Discord__Token`, …).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal. Never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Token { get; set; } = "";

    /// <summary>The application id, needed to register slash commands and edit interaction replies.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "Discord:ApplicationId must be a numeric snowflake.")]
    public string ApplicationId { get; set; } = "";

    /// <summary>When set, slash commands are registered in this guild only: they appear at once, which suits testing.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "Discord:GuildId must be a numeric snowflake.")]
    public string? GuildId { get; set; }

    /// <summary>The REST base, version included; a local server in tests.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the gateway address that GET /gateway/bot would return.</summary>
    public string? GatewayUrl { get; set; }

    public GatewayIntents Intents { get; set; } = GatewayIntents.Default;
}

/// <summary>Checks the attributes on <see cref="DiscordOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class DiscordOptionsValidation : IValidateOptions<DiscordOptions>;
