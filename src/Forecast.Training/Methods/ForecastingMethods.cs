using Forecast.Domain;

namespace Forecast.Training.Methods;

/// <summary>
/// The registry of methods: the one place that knows every method by name. Runs, the model store and the API find a
/// method here and work through its contract (<see cref="IStatisticalMethod"/>, <see cref="IFittedForecaster"/>).
/// </summary>
public static class ForecastingMethods
{
    /// <summary>The method a run gets when it names none.</summary>
    public const string Default = "lstm";

    private static readonly IForecastingMethod[] Registered = [];

    public static IReadOnlyList<IForecastingMethod> All => Registered;

    /// <exception cref="DomainValidationException">No method has that name; the message lists those that do.</exception>
    public static IForecastingMethod Find(string name) =>
        Registered.FirstOrDefault(m => m.Name == name) ?? throw new DomainValidationException(
            $"method must be one of {string.Join(", ", Registered.Select(m => m.Name))}; got '{name}'.", "method");
}
