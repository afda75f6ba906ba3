using System.Text;

namespace ClusterBot.Core.Text;

/// <summary>
/// Students write English words in Cyrillic ("лидинг эдж", "топ-даун", "хай-тек"). Both scripts are reduced to a
/// consonant skeleton of how the word sounds, so a Cyrillic spelling of an English word meets the English word.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "i",
        ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "h", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "sh", ['ъ'] = "", ['ы'] = "i", ['ь'] = "", ['э'] = "e",
        ['ю'] = "iu", ['я'] = "ia",
    };

    /// <summary>The Cyrillic word in Latin letters, one sound for one letter ("эдж" → "edzh").</summary>
    public static string ToLatin(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            sb.Append(Latin.TryGetValue(c, out var l) ? l : c.ToString());
        }

        return sb.ToString();
    }

    private static readonly (string From, string To)[] CyrillicRules =
    [
        ("shch", "щ"), ("sch", "щ"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
        ("ts", "ц"), ("iy", "ий"), ("yy", "ый"), ("'", "ь"),
    ];

    private static readonly Dictionary<char, char> CyrillicLetters = new()
    {
        ['a'] = 'а', ['b'] = 'б', ['v'] = 'в', ['g'] = 'г', ['d'] = 'д', ['e'] = 'е', ['z'] = 'з', ['i'] = 'и', ['j'] = 'й', ['k'] = 'к',
        ['l'] = 'л', ['m'] = 'м', ['n'] = 'н', ['o'] = 'о', ['p'] = 'п', ['r'] = 'р', ['s'] = 'с', ['t'] = 'т', ['u'] = 'у', ['f'] = 'ф',
        ['h'] = 'х', ['c'] = 'ц', ['w'] = 'в', ['q'] = 'к',
    };

    /// <summary>
    /// A Russian word typed in Latin letters, as chat writes it ("skolko" → "сколко", "klasterov" → "кластеров", "etoi" →
    /// "этой"): "y" and a final "i" after a vowel are "й", "y" elsewhere "ы", "e" first "э".
    /// </summary>
    public static string ToCyrillic(string latin)
    {
        var s = latin;
        foreach (var (from, to) in CyrillicRules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(s.Length + 2);
        for (var k = 0; k < s.Length; k++)
        {
            var c = s[k];
            var afterVowel = sb.Length > 0 && "аеёиоуыэюя".Contains(sb[^1], StringComparison.Ordinal);
            if (c == 'y') sb.Append(afterVowel ? 'й' : 'ы');
            else if (c == 'i' && afterVowel && k == s.Length - 1) sb.Append('й');
            else if (c == 'e' && k == 0) sb.Append('э');
            else if (c == 'x') sb.Append("кс");
            else sb.Append(CyrillicLetters.TryGetValue(c, out var cyr) ? cyr : c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The consonants of a Latin spelling as they sound, vowels and silent or vowel-like letters dropped:
    /// "leading" and "liding" are both "ldng", "edge" and "edzh" both "j", "compaq" and "kompak" both "kmpk".
    /// </summary>
    public static string Skeleton(string latin)
    {
        var s = latin.ToLowerInvariant();
        // Spellings of one sound, longest first.
        foreach (var (from, to) in Rules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if ("aeiouyw".Contains(c, StringComparison.Ordinal) || !char.IsLetter(c)) continue;
            if (sb.Length > 0 && sb[^1] == c) continue; // doubled letters sound once
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static readonly (string From, string To)[] Rules =
    [
        ("dzh", "j"), ("dge", "j"), ("gh", ""), ("zh", "j"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("ch", "k"), ("sh", "s"),
        ("ts", "s"), ("ce", "se"), ("ci", "si"), ("cy", "si"), ("c", "k"), ("q", "k"), ("x", "ks"), ("h", ""),
        ("ge", "je"), ("gi", "ji"), ("v", "v"),
    ];
}
