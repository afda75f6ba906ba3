using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

public class CommandParserTests
{
    [Theory]
    [InlineData("/country korea", "country", "korea", null)]
    [InlineData("/country@ClusterBot korea", "country", "korea", "ClusterBot")]
    [InlineData("  /HELP  ", "help", "", null)]
    [InlineData("/compare germany   korea", "compare", "germany   korea", null)]
    public void Parse_splits_name_suffix_and_argument(string text, string name, string argument, string? addressedTo)
    {
        var command = CommandParser.Parse(text);
        Assert.NotNull(command);
        Assert.Equal(name, command.Name);
        Assert.Equal(argument, command.Argument);
        Assert.Equal(addressedTo, command.AddressedTo);
    }

    [Theory]
    [InlineData("country korea")]
    [InlineData("/")]
    [InlineData("/ korea")]
    [InlineData("/co;untry")]
    [InlineData("/abcdefghijklmnopqrstuvwxyz0123456789")]
    public void Parse_rejects_what_is_not_a_command(string text) => Assert.Null(CommandParser.Parse(text));

    [Theory]
    [InlineData("/help@OtherBot", "ClusterBot", true)]
    [InlineData("/help@clusterbot", "ClusterBot", false)]
    [InlineData("/help", "ClusterBot", false)]
    [InlineData("/help@OtherBot", null, false)]
    public void IsForAnotherBot_compares_the_suffix_with_our_username(string text, string? ours, bool expected) =>
        Assert.Equal(expected, CommandParser.IsForAnotherBot(CommandParser.Parse(text)!, ours));
}
