using Forecast.Training.Methods;

namespace Forecast.Training.Lstm;

/// <summary>The service's own method: an LSTM trained in the background, one network per series or one global network per collection.</summary>
public sealed class LstmMethod : IForecastingMethod
{
    public const string MethodName = "lstm";

    public string Name => MethodName;

    public string Description => "An LSTM network trained on the series (or one global network on a collection's members), with split-conformal intervals.";
}
