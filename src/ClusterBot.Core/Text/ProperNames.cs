namespace ClusterBot.Core.Text;

/// <summary>Words a text writes as names: capitalised anywhere but at the start of a sentence, or in capitals (acronyms).</summary>
public static class ProperNames
{
    /// <summary>The names, lower-cased as tokens are.</summary>
    public static HashSet<string> In(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                // "3. Вонджу": a list's number ends no sentence, but it starts an item as a sentence does.
                if (text[i] is '.' or '!' or '?' or '\n' or '«' or '"' or '“') sentenceStart = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\u0301')) i++;
            var word = text[start..i];
            var acronym = word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            if (acronym || (char.IsUpper(word[0]) && !sentenceStart))
            {
                names.Add(TextNormaliser.Normalise(word));
            }

            sentenceStart = false;
        }

        return names;
    }

    /// <summary>The words a text writes in lower case, as tokens are.</summary>
    public static IEnumerable<string> InLowerCase(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\u0301')) i++;
            if (char.IsLower(text[start])) yield return TextNormaliser.Normalise(text[start..i]);
        }
    }

    /// <summary>
    /// The capitalised word after a list item's number that the item then explains ("3. Вонджу — медицинское
    /// оборудование", "1. Tokyo–Yokohama"), where a name would not show by its capital; "1. Апгрейд структур" names nothing.
    /// A text known to be a list's item needs no number: "Гуми — электроника".
    /// </summary>
    public static string? ItemHead(string text, bool isItem = false)
    {
        var i = 0;
        while (i < text.Length && char.IsDigit(text[i])) i++;
        var numbered = i > 0 && i + 2 < text.Length && text[i] == '.' && text[i + 1] == ' ';
        if (numbered) i += 2;
        else if (isItem && i == 0) { }
        else return null;
        if (i >= text.Length || !char.IsUpper(text[i])) return null;
        var end = i;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var rest = text[end..].TrimStart(' ');
        // Unnumbered, only an explained head is a name: "Логистика" alone is an industry.
        return rest.Length == 0 && numbered || rest.Length > 0 && rest[0] is '—' or '–' or '-' ? TextNormaliser.Normalise(text[i..end]) : null;
    }

    /// <summary>
    /// The runs of words a text writes as names, each lower-cased as tokens are: a capitalised word inside a sentence that
    /// is no stop word ("The" after a colon), an acronym, or a capitalised word the caller knows to be a name ("3. Вонджу").
    /// </summary>
    public static List<NameRun> Runs(string text, IReadOnlySet<string> knownNames)
    {
        var runs = new List<NameRun>();
        var run = new List<string>();
        var acronyms = true;
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                if (text[i] is not (' ' or '-' or '\u2013' or '\'')) Close();
                if (text[i] is '.' or '!' or '?' or '\n' or '«' or '"' or '“' or ':' or ';') sentenceStart = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\u0301')) i++;
            var word = text[start..i];
            var token = TextNormaliser.Normalise(word);
            var acronym = word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            var name = acronym || char.IsUpper(word[0]) && (!sentenceStart && !StopWords.Contains(token) || knownNames.Contains(token));
            if (name)
            {
                run.Add(token);
                acronyms &= acronym;
            }
            else if (run.Count > 0)
            {
                runs.Add(new NameRun(run, token, acronyms));
                run = [];
                acronyms = true;
            }

            sentenceStart = false;
        }

        Close();
        return runs;

        void Close()
        {
            if (run.Count > 0) runs.Add(new NameRun(run, null, acronyms));
            run = [];
            acronyms = true;
        }
    }
}

/// <summary>Words written as one name, and the word right after them, which may say what kind of thing it names.</summary>
/// <param name="Acronym">Whether every word of it is in capitals ("ИКТ", "GII"): an abbreviation, which names no city or province.</param>
public sealed record NameRun(IReadOnlyList<string> Name, string? Next, bool Acronym = false);
