using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Methods.Ensemble;

namespace Forecast.Training.Methods;

/// <summary>Resolves a run's hyperparameters for the method it names, found in the registry.</summary>
public static class MethodResolution
{
    /// <exception cref="DomainValidationException">An unknown method, or a field that does not belong to it.</exception>
    /// <exception cref="UnprocessableException">The ensemble, which is trained on collections only.</exception>
    public static ResolvedHyperparameters ResolveRun(this HyperparameterResolver resolver, HyperparameterRequest request, RegularSeries series, Func<int> randomSeed) =>
        ForecastingMethods.Find(request.Method ?? ForecastingMethods.Default) switch
        {
            IStatisticalMethod method => resolver.ResolveStatistical(request, series, method.Name, method.DecomposesSeasons),
            EnsembleMethod => throw new UnprocessableException(
                "ensemble is available for collections: upload the series as a collection's member, or train lstm, ets, arima or theta on it.", "method"),
            _ => resolver.Resolve(request, series, randomSeed),
        };

    /// <exception cref="DomainValidationException">An unknown method, or a field that does not belong to it.</exception>
    /// <exception cref="UnprocessableException">A member too short for the test tail, or (a network) for any lookback.</exception>
    public static ResolvedHyperparameters ResolveCollectionRun(this HyperparameterResolver resolver, HyperparameterRequest request, CollectionShape shape, Func<int> randomSeed) =>
        ForecastingMethods.Find(request.Method ?? ForecastingMethods.Default) switch
        {
            IStatisticalMethod method => resolver.ResolveStatisticalForCollection(request, shape, method.Name),
            EnsembleMethod => resolver.ResolveEnsembleForCollection(request, shape, randomSeed),
            _ => resolver.ResolveForCollection(request, shape, randomSeed),
        };
}
