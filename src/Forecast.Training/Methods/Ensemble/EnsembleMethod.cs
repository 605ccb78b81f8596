using Forecast.Domain.Runs;

namespace Forecast.Training.Methods.Ensemble;

/// <summary>
/// The lstm network and ets, arima and theta, combined by the median of their four forecasts per step (the mean of the
/// middle two): the combination of unlike methods that the M4 competition's best entries relied on, here without
/// weights to learn. Each component is scored on the validation parts, and the ensemble's own errors there calibrate its intervals.
/// </summary>
public sealed class EnsembleMethod : IForecastingMethod
{
    public const string MethodName = Hyperparameters.EnsembleMethod;

    /// <summary>The statistical components, fitted to each member (<see cref="StatisticalComponents"/>), in the order they are stored.</summary>
    public static IReadOnlyList<string> StatisticalComponents { get; } = ["ets", "arima", "theta"];

    public string Name => MethodName;

    public string Description =>
        "The lstm network with ets, arima and theta, forecast by the median of the four per step; each component's validation score is kept with the model.";
}
