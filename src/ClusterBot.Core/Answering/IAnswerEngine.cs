namespace ClusterBot.Core.Answering;

/// <summary>Turns a question into a reply. Never throws: any input gets a reply.</summary>
public interface IAnswerEngine
{
    Reply Answer(Question question);
}
