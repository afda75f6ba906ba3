using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public sealed class TransliterationTests
{
    [Theory]
    [InlineData("skolko", "сколко")]
    [InlineData("klasterov", "кластеров")]
    [InlineData("etoi", "этой")]
    [InlineData("kitai", "китай")]
    [InlineData("dlya", "для")]
    [InlineData("celi", "цели")]
    [InlineData("naselenie", "население")]
    [InlineData("kakoy", "какой")]
    [InlineData("vyshe", "выше")]
    [InlineData("shchuka", "щука")]
    public void Russian_typed_in_latin_letters_reads_as_chat_writes_it(string latin, string cyrillic)
    {
        Assert.Equal(cyrillic, Transliteration.ToCyrillic(latin));
    }

    [Theory]
    [InlineData("эдж", "edzh")]
    [InlineData("лидинг", "liding")]
    public void Cyrillic_reads_in_latin_one_sound_for_one_letter(string cyrillic, string latin)
    {
        Assert.Equal(latin, Transliteration.ToLatin(cyrillic));
    }
}
