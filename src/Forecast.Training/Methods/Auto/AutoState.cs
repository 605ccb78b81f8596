using System.Text.Json;

namespace Forecast.Training.Methods.Auto;

/// <summary>What <see cref="AutoMethod"/> stores of one history: the method it picked, that method's fit, and how every candidate scored.</summary>
/// <param name="Method">The registered name of the method picked.</param>
/// <param name="State">Its fit of the whole history (<see cref="FittedMethod.State"/>).</param>
/// <param name="Scores">Each candidate's mean scaled error over the rolling origins, in the order tried; empty when the history had none.</param>
public sealed record AutoState(string Method, JsonElement State, IReadOnlyList<CandidateScore> Scores);

/// <summary>A candidate's mean scaled error over the rolling origins (MASE where the scale is not 0); infinite when it forecast a value that is not finite.</summary>
public sealed record CandidateScore(string Method, double Score);
