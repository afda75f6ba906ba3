using ClusterBot.Core.Knowledge;

namespace ClusterBot.Cli;

/// <summary>`knowledge check`: validates the knowledge folder and prints what it holds, or every error with file and line.</summary>
public static class KnowledgeCheck
{
    public static int Run(string folder, TextWriter output, TextWriter error)
    {
        try
        {
            var kb = KnowledgeYamlReader.ReadFolder(folder);
            int Count(EntityKind kind) => kb.Entities.Count(e => e.Kind == kind);
            output.WriteLine($"Knowledge in {folder} is valid:");
            output.WriteLine($"  {kb.Sections.Count} sections, {kb.References.Count} references");
            output.WriteLine($"  {Count(EntityKind.Country)} countries, {Count(EntityKind.Topic)} topics, {Count(EntityKind.Region)} regions, " +
                             $"{Count(EntityKind.Programme)} programmes, {Count(EntityKind.Phase)} phases");
            output.WriteLine($"  {kb.Facts.Count} facts ({kb.Facts.Sum(f => f.Items.Count)} list items), {kb.Entities.Sum(e => KnowledgeValidator.AliasesOf(e).Count())} names and aliases");
            output.WriteLine(kb.Quotes is { } q
                ? $"  {q.Quoted} of {q.Entries} cited entries quote the paper ({q.Passages} passages), each cited as its paragraph"
                : $"  quotes not checked: no {Paper.RelativePath} in the folder");
            return 0;
        }
        catch (KnowledgeValidationException ex)
        {
            error.WriteLine($"Knowledge in {folder} is invalid ({ex.Errors.Count} error(s)):");
            foreach (var e in ex.Errors)
            {
                error.WriteLine("  " + e);
            }

            return 1;
        }
    }
}
