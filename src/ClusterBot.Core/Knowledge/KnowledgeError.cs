namespace ClusterBot.Core.Knowledge;

/// <summary>One problem in the knowledge files, pointing at the file and line to fix.</summary>
public sealed record KnowledgeError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when the knowledge files are invalid; carries every error found, not just the first.</summary>
public sealed class KnowledgeValidationException(IReadOnlyList<KnowledgeError> errors)
    : Exception($"The knowledge is invalid ({errors.Count} error(s)):{Environment.NewLine}" + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;
}
