using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;
using Forecast.Training.Methods.Arima;
using Forecast.Training.Methods.Auto;
using Forecast.Training.Methods.Ensemble;
using Forecast.Training.Methods.Ets;
using Forecast.Training.Methods.MultipleSeasons;
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
        new EtsMethod(),
        new MstlMethod(),
        new ArimaMethod(),
        new ThetaMethod(),
        new Naive2Method(),
        new SeasonalNaiveMethod(),
        new NaiveMethod(),
        new DriftMethod(),
        new EnsembleMethod(),
        new AutoMethod(),
    ];

    public static IReadOnlyList<IForecastingMethod> All => Registered;

    /// <summary>The statistical method called <paramref name="name"/>; null for the LSTM.</summary>
    /// <exception cref="DomainValidationException">No method has that name.</exception>
    public static IStatisticalMethod? Statistical(string name) => Find(name) as IStatisticalMethod;

    /// <summary>
    /// Fits <paramref name="input"/> by <paramref name="method"/>, the way every fit of a run is made: a method that does
    /// not use covariates is fitted to the target alone, and its choices say which covariates it left out.
    /// </summary>
    public static FittedMethod Fit(IStatisticalMethod method, FitInput input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Covariates.IsEmpty)
        {
            return method.Fit(input, cancellation);
        }
        if (method.UsesCovariates)
        {
            var pastOnly = input.Covariates.PastOnlyNames;
            var withKnownAhead = method.Fit(input with { Covariates = input.Covariates.KnownAhead }, cancellation);
            return pastOnly.Count == 0 ? withKnownAhead : withKnownAhead with
            {
                Choices = [.. withKnownAhead.Choices, PastOnlyNotUsed(pastOnly, $"{method.Name} needs every covariate's value at each step it forecasts")],
            };
        }
        var fitted = method.Fit(input with { Covariates = Covariates.None }, cancellation);
        return fitted with { Choices = [.. fitted.Choices, CovariatesNotUsed(method.Name, input.Covariates)] };
    }

    /// <summary>What a run's choices say when its method leaves the past-only covariates out, and <paramref name="why"/>.</summary>
    public static string PastOnlyNotUsed(IReadOnlyList<string> names, string why) =>
        $"Past-only covariates not used ({string.Join(", ", names)}): {why}, and they are known only as they happen; the global lstm of a collection reads them among a window's inputs.";

    /// <summary>What a run's choices say when its method forecasts from the target alone although the series has covariates.</summary>
    public static string CovariatesNotUsed(string method, Covariates covariates) =>
        $"Covariates not used ({string.Join(", ", covariates.Names)}): {method} forecasts from the target's own past; arima, lstm and the ensemble's network use covariates.";

    /// <summary>The run fields <paramref name="method"/> takes, by their names in a request, besides the method itself.</summary>
    public static IReadOnlyList<string> FieldsOf(IForecastingMethod method) =>
        method is IStatisticalMethod ? HyperparameterResolver.StatisticalFields : [.. HyperparameterResolver.AllFields];

    /// <summary>The fitted model a store kept, rebuilt: a network's weights loaded, a statistical fit restored by its method.</summary>
    /// <exception cref="ArgumentException">A stored model without what its method needs.</exception>
    public static IFittedForecaster Restore(StoredForecaster stored) => Find(stored.Method) switch
    {
        IStatisticalMethod method => method.Restore(stored.Fit ?? throw Incomplete(stored.Method, "fitted state"), stored.SeasonalPeriod),
        _ => stored.Network is { } network
            ? new LstmForecaster(new LstmModel(network), network.Calibration)
            : throw Incomplete(stored.Method, "network"),
    };

    /// <summary>
    /// The fitted collection a store kept, rebuilt: a global network's weights loaded, every member's statistical fit
    /// restored by its method, or, for the ensemble, both.
    /// </summary>
    /// <exception cref="ArgumentException">A stored collection model without what its method needs.</exception>
    public static ICollectionForecaster RestoreCollection(StoredCollectionForecaster stored) => Find(stored.Method) switch
    {
        IStatisticalMethod method => new MemberForecasters(method.Name,
            FitsOf(stored).ToDictionary(fit => fit.Key, fit => method.Restore(fit.State, stored.SeasonalPeriod), StringComparer.Ordinal),
            stored.SeasonalPeriod),
        EnsembleMethod => new CollectionEnsemble(NetworkOf(stored), FitsOf(stored), stored.SeasonalPeriod),
        _ => new GlobalModel(NetworkOf(stored)),
    };

    /// <summary>Whether a collection model of <paramref name="method"/> keeps a fit per member (<see cref="StoredCollectionForecaster.Fits"/>).</summary>
    public static bool FitsMembers(string method) => Find(method) is IStatisticalMethod or EnsembleMethod;

    private static IReadOnlyList<MemberFit> FitsOf(StoredCollectionForecaster stored) => stored.Fits ?? throw Incomplete(stored.Method, "members' fits");

    private static GlobalModelArtifact NetworkOf(StoredCollectionForecaster stored) => stored.Network ?? throw Incomplete(stored.Method, "network");

    private static ArgumentException Incomplete(string method, string what) =>
        new($"A stored {method} model needs its {what}.");

    /// <exception cref="DomainValidationException">No method has that name; the message lists those that do.</exception>
    public static IForecastingMethod Find(string name) =>
        Registered.FirstOrDefault(m => m.Name == name) ?? throw new DomainValidationException(
            $"method must be one of {string.Join(", ", Registered.Select(m => m.Name))}; got {Quoted(name)}.", "method");

    // A name is echoed only when short enough to be one: a client's mistake, not a page of text.
    private static string Quoted(string name) => name.Length <= 32 ? $"'{name}'" : $"a name of {name.Length} characters";
}
