namespace Forecast.Api.Contracts;

/// <summary>A forecasting method a run may name.</summary>
/// <param name="Name">What a run's <c>method</c> says: "lstm", "ets", ...</param>
/// <param name="Fields">The run fields it takes besides <c>method</c>; any other is refused (400) naming it.</param>
public sealed record MethodResponse(string Name, string Description, IReadOnlyList<string> Fields);
