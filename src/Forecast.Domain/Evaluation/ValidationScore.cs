namespace Forecast.Domain.Evaluation;

/// <summary>How one method forecast the validation parts (the test size's points before each test tail): an ensemble's component, or the ensemble.</summary>
/// <param name="Method">The method's registered name ("lstm", "ets", ...), or "ensemble" for the combination.</param>
/// <param name="Mase">The mean MASE of its forecasts of the validation parts over the members whose scale is positive.</param>
public sealed record ValidationScore(string Method, double Mase);
