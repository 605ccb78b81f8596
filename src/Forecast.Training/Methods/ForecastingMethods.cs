using Forecast.Domain;
using Forecast.Training.Lstm;
using Forecast.Training.Methods.Simple;

namespace Forecast.Training.Methods;

/// <summary>
/// The registry of methods: the one place that knows every method by name. Runs, the model store and the API find a
/// method here and work through its contract (<see cref="IStatisticalMethod"/>, <see cref="IFittedForecaster"/>).
/// </summary>
public static class ForecastingMethods
{
    /// <summary>The method a run gets when it names none.</summary>
    public const string Default = LstmMethod.MethodName;

    private static readonly IForecastingMethod[] Registered =
    [
        new LstmMethod(),
        new ThetaMethod(),
        new Naive2Method(),
        new SeasonalNaiveMethod(),
        new NaiveMethod(),
        new DriftMethod(),
    ];

    public static IReadOnlyList<IForecastingMethod> All => Registered;

    /// <summary>The statistical method called <paramref name="name"/>; null for the LSTM.</summary>
    /// <exception cref="DomainValidationException">No method has that name.</exception>
    public static IStatisticalMethod? Statistical(string name) => Find(name) as IStatisticalMethod;

    /// <exception cref="DomainValidationException">No method has that name; the message lists those that do.</exception>
    public static IForecastingMethod Find(string name) =>
        Registered.FirstOrDefault(m => m.Name == name) ?? throw new DomainValidationException(
            $"method must be one of {string.Join(", ", Registered.Select(m => m.Name))}; got '{name}'.", "method");
}
