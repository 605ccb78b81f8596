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

    /// <exception cref="DomainValidationException">An unknown method.</exception>
    /// <exception cref="UnprocessableException">A statistical method: a collection's members are not fitted one by one yet.</exception>
    public static ResolvedHyperparameters ResolveCollectionRun(this HyperparameterResolver resolver, HyperparameterRequest request, CollectionShape shape, Func<int> randomSeed) =>
        ForecastingMethods.Find(request.Method ?? ForecastingMethods.Default) is IStatisticalMethod method
            ? throw new UnprocessableException(
                $"method {method.Name} fits one series at a time for now: train it on each member's series (/api/series/{{id}}/training-runs), or train lstm on the collection.",
                "method")
            : resolver.ResolveForCollection(request, shape, randomSeed);
}
