using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;

namespace Forecast.Training.Methods;

/// <summary>Resolves a run's hyperparameters for the method it names, found in the registry.</summary>
public static class MethodResolution
{
    /// <exception cref="DomainValidationException">An unknown method, or a field that does not belong to it.</exception>
    public static ResolvedHyperparameters ResolveRun(this HyperparameterResolver resolver, HyperparameterRequest request, RegularSeries series, Func<int> randomSeed) =>
        ForecastingMethods.Find(request.Method ?? ForecastingMethods.Default) is IStatisticalMethod method
            ? resolver.ResolveStatistical(request, series, method.Name)
            : resolver.Resolve(request, series, randomSeed);

    /// <exception cref="DomainValidationException">An unknown method, or a field that does not belong to it.</exception>
    /// <exception cref="UnprocessableException">A member too short for the test tail, or (a network) for any lookback.</exception>
    public static ResolvedHyperparameters ResolveCollectionRun(this HyperparameterResolver resolver, HyperparameterRequest request, CollectionShape shape, Func<int> randomSeed) =>
        ForecastingMethods.Find(request.Method ?? ForecastingMethods.Default) is IStatisticalMethod method
            ? resolver.ResolveStatisticalForCollection(request, shape, method.Name)
            : resolver.ResolveForCollection(request, shape, randomSeed);
}
