namespace ClusterBot.Discord.Rest;

// Outbound JSON bodies, serialised with snake_case names (see DiscordJson) to match Discord's field names.

/// <summary>Which mentions in the content may ping; the bot always sends none.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}

public sealed record MessageReference(string MessageId, string? ChannelId = null, string? GuildId = null, bool FailIfNotExists = false);

public sealed record ButtonComponent(string Label, string CustomId)
{
    public int Type => 2;

    /// <summary>Secondary (grey): follow-ups are suggestions, not calls to action.</summary>
    public int Style => 2;
}

public sealed record ActionRowComponent(IReadOnlyList<ButtonComponent> Components)
{
    public int Type => 1;
}

/// <param name="Nonce">With <paramref name="EnforceNonce"/>, Discord returns the message already created with it instead of a second one.</param>
/// <param name="Flags">64 (<see cref="Ephemeral"/>): only the user who pressed sees the message.</param>
/// <param name="Files">Files to upload with the message: the request goes as multipart/form-data, each as files[n].</param>
public sealed record MessagePayload(
    string Content,
    AllowedMentions AllowedMentions,
    MessageReference? MessageReference = null,
    IReadOnlyList<ActionRowComponent>? Components = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    int? Flags = null,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<UploadFile>? Files = null)
{
    public const int Ephemeral = 64;

    /// <summary>The attachments' descriptions, in the order of the uploaded files[n] parts.</summary>
    public IReadOnlyList<AttachmentRef>? Attachments => Files is { Count: > 0 } files ? files.Select((f, i) => new AttachmentRef(i, f.FileName)).ToList() : null;
}

/// <summary>A file uploaded with a message (a timeline's PNG).</summary>
public sealed record UploadFile(string FileName, string ContentType, byte[] Content);

/// <summary>An entry of a message's `attachments`: which files[n] part it is.</summary>
public sealed record AttachmentRef(int Id, string Filename);

/// <summary>The body of POST /interactions/{id}/{token}/callback.</summary>
public sealed record InteractionCallback(int Type, object? Data = null)
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
}

public sealed record AutocompleteChoice(string Name, string Value);

public sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>A CHAT_INPUT application command.</summary>
public sealed record SlashCommand(
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations,
    IReadOnlyList<SlashCommandOption>? Options,
    IReadOnlyList<int>? Contexts)
{
    public int Type => 1;
}

/// <summary>A STRING option.</summary>
public sealed record SlashCommandOption(
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations,
    bool Required,
    bool Autocomplete)
{
    public int Type => 3;
}
