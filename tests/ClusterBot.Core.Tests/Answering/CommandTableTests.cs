using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>A command is one entry of the table: what answers it and what the platforms ask for are declared with it.</summary>
public sealed class CommandTableTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public void Every_command_and_alias_in_the_table_is_answered_by_its_own_handler()
    {
        foreach (var command in CommandTable.All)
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                var reply = fixture.Engine.Answer(new Question("/" + name, BotUsername: "ClusterBot"));
                Assert.DoesNotContain(UiText.UnknownCommand(name)[reply.Lang], reply.ToPlainText(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_slash_command_that_takes_an_argument_declares_the_options_it_asks_for()
    {
        foreach (var command in CommandTable.Listed.Where(c => c.Slash))
        {
            Assert.Equal(command.Argument != CommandArgument.None, command.Options.Count > 0);
            Assert.All(command.Options, o => Assert.Matches("^[a-z_-]{1,32}$", o.Name));
        }

        Assert.Equal(CompletionSource.QuotableEntries, Assert.Single(CommandTable.Quote.Options).Completion);
    }
}
