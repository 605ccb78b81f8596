using System.Text.Json;
using Forecast.Domain.Series;

namespace Forecast.Training.Methods;

/// <summary>The history a method fits, its season, and how far its forecasts will reach.</summary>
/// <param name="History">The points to fit, oldest first: everything before the test tail.</param>
/// <param name="SeasonalPeriod">m: 12 for monthly data, 4 quarterly, 1 for none.</param>
/// <param name="Horizon">
/// The points forecast after the history (the test tail's length). A method that judges itself on the last
/// <paramref name="Horizon"/> points of its history, as the ensemble's statistical part does, needs it; the others ignore it.
/// </param>
public sealed record FitInput(IReadOnlyList<double> History, int SeasonalPeriod, int Horizon)
{
    /// <summary>Every season, shortest first, for a method that decomposes several (mstl); by default the one <see cref="SeasonalPeriod"/>.</summary>
    public IReadOnlyList<int> SeasonalPeriods { get; init; } = [SeasonalPeriod];

    /// <summary>
    /// Known values that go with the history's points (covering each of them, and running past its end when the future is
    /// known); none by default. A run's fit (<see cref="ForecastingMethods.Fit"/>) hands them only to a method that
    /// <see cref="IStatisticalMethod.UsesCovariates"/>.
    /// </summary>
    public Covariates Covariates { get; init; } = Covariates.None;
}

/// <summary>A method's fit of one history, ready to store.</summary>
/// <param name="Model">The fitted model.</param>
/// <param name="State">Everything <see cref="IStatisticalMethod.Restore"/> needs to rebuild <paramref name="Model"/> in another process.</param>
/// <param name="Choices">What the fit chose and why, in plain words (a form, orders, parameters, a fallback).</param>
public sealed record FittedMethod(IFittedForecaster Model, JsonElement State, IReadOnlyList<string> Choices);

/// <summary>A forecasting method in the registry of methods (<see cref="ForecastingMethods"/>).</summary>
public interface IForecastingMethod
{
    /// <summary>The name a run asks for: "ets", "arima", ...</summary>
    string Name { get; }

    /// <summary>One sentence for a client choosing a method.</summary>
    string Description { get; }
}

/// <summary>
/// A method fitted by statistics rather than trained: quick, deterministic, and local to one series (a collection's
/// members are fitted one by one). Adding one is a class implementing this and its entry in <see cref="ForecastingMethods"/>.
/// </summary>
public interface IStatisticalMethod : IForecastingMethod
{
    /// <summary>
    /// Whether the method regresses on covariates. One that does not is fitted to the target alone by
    /// <see cref="ForecastingMethods.Fit"/>, which says so in its choices.
    /// </summary>
    bool UsesCovariates => false;

    /// <summary>
    /// Whether the method decomposes several seasons at once (<see cref="FitInput.SeasonalPeriods"/>): a long sub-daily
    /// series then gets its day and week by default, where a method of one season keeps the day.
    /// </summary>
    bool DecomposesSeasons => false;

    /// <summary>Fits <paramref name="input"/>; a history the method cannot fit falls back to a simpler form and says so in the choices.</summary>
    /// <exception cref="MissingCovariateException">A method that uses covariates given a covariate that does not cover the history.</exception>
    FittedMethod Fit(FitInput input, CancellationToken cancellation);

    /// <summary>The model <see cref="Fit"/> returned, from its <see cref="FittedMethod.State"/>.</summary>
    /// <param name="seasonalPeriod">The season it was fitted with.</param>
    IFittedForecaster Restore(JsonElement state, int seasonalPeriod);
}
