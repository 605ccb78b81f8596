using Forecast.Domain;

namespace Forecast.Domain.Tests;

public class PrintableTextTests
{
    [Theory]
    [InlineData("airpassengers")]
    [InlineData("Zürich tourism, 1998–2007")]
    [InlineData("月次 降水量")]
    [InlineData("سلسلة زمنية")]
    [InlineData("rainfall 🌧")]
    public void Names_in_any_script_with_emoji_are_printable(string name) => Assert.True(PrintableText.Is(name));

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("a\u001b[31mred")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    [InlineData("invoice\u202Etxt.exe")]
    [InlineData("a\u2066b\u2069")]
    [InlineData("a\u200Fb")]
    [InlineData("a\u061Cb")]
    public void Control_and_bidirectional_characters_are_not(string name) => Assert.False(PrintableText.Is(name));

    // Built here rather than in attributes, whose metadata turns a lone surrogate into U+FFFD.
    [Fact]
    public void Half_a_surrogate_pair_is_not()
    {
        Assert.False(PrintableText.Is(new string(['a', (char)0xD800, 'b'])));
        Assert.False(PrintableText.Is(new string(['a', (char)0xDC00])));
        Assert.False(PrintableText.Is(new string(['a', (char)0xD83C])));
        Assert.True(PrintableText.Is(new string(['a', (char)0xD83C, (char)0xDF27])));
    }
}
