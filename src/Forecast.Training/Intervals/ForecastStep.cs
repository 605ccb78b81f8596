namespace Forecast.Training.Intervals;

/// <summary>One step of a point forecast with its prediction intervals.</summary>
/// <param name="Intervals">One per requested level, in the order asked; null when no level was asked for.</param>
public sealed record ForecastStep(double Value, IReadOnlyList<PredictionInterval>? Intervals);
