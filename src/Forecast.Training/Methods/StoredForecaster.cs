using System.Text.Json;
using Forecast.Training.Lstm;

namespace Forecast.Training.Methods;

/// <summary>What the model store keeps of a fitted model, whatever its method, to rebuild it in any process.</summary>
/// <param name="Method">The method's registered name.</param>
/// <param name="Network">A trained network's weights, scaler, transform and calibration; null for a statistical method.</param>
/// <param name="Fit">A statistical method's fitted state (<see cref="FittedMethod.State"/>); null for a network.</param>
/// <param name="SeasonalPeriod">The season it was fitted with.</param>
public sealed record StoredForecaster(string Method, ModelArtifact? Network, JsonElement? Fit, int SeasonalPeriod);
