namespace Forecast.Domain.Series;

/// <summary>Refusals that concern one member of a collection name it, and where it came from, whatever step refused it.</summary>
internal static class MemberErrors
{
    /// <summary>Runs a step for one member, naming the member in whatever it refuses.</summary>
    /// <param name="source">Where the member came from in the request, e.g. <c>series[3]</c> or <c>from CSV line 12</c>; null once it is built.</param>
    public static T Naming<T>(string key, string? source, Func<T> step)
    {
        var member = source is null ? $"Member '{key}'" : $"Member '{key}' ({source})";
        try
        {
            return step();
        }
        catch (UnprocessableException e)
        {
            throw new UnprocessableException($"{member} {Sentence(e.Message)}", e.Field);
        }
        catch (DomainValidationException e)
        {
            throw new DomainValidationException($"{member} {Sentence(e.Message)}", e.Field);
        }
        catch (ConflictException e)
        {
            throw new ConflictException($"{member} {Sentence(e.Message)}");
        }
    }

    // The steps' own messages are whole sentences ("Timestamps must ..."); after the member's name they read on ("is monthly, ...").
    private static string Sentence(string message) =>
        message.StartsWith("is ", StringComparison.Ordinal) || message.StartsWith("has ", StringComparison.Ordinal)
            ? message
            : $"is refused: {message}";
}
