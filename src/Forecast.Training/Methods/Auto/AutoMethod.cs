using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Forecast.Training.Methods.Simple;

namespace Forecast.Training.Methods.Auto;

/// <summary>
/// Picks, for each history, the candidate method whose forecasts of its last few windows of h points were best (rolling
/// origins, each forecast from a fit of the points before it), then fits that method to the whole history and says what
/// it picked and why. A collection's members each get their own pick.
/// </summary>
/// <remarks>
/// The candidates are ets, arima, theta and seasonal naive: the methods that are quick to fit, and seasonal naive so that a
/// method is only picked where it beat the baseline that MASE counts against. With several seasons mstl takes the place of
/// ets and arima, which would model only the longest season (ets none beyond 24, arima with hundreds of seasonal lags, so
/// slowly that one hourly series took minutes); mstl models the rest of the series by ets after taking every season out.
/// The network is not a candidate: it is trained for a whole collection, not fitted per series, and one training per origin
/// would cost many times a run.
/// </remarks>
public sealed class AutoMethod : IStatisticalMethod
{
    public const string MethodName = "auto";

    // A candidate's score is infinite when it forecast a value that is not finite; the state must still be written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly string[] OneSeason = ["ets", "arima", "theta", "snaive"];

    private static readonly string[] SeveralSeasons = ["mstl", "theta", "snaive"];

    public string Name => MethodName;

    public string Description =>
        "Picks for each series the best of ets, arima, theta and seasonal naive (mstl, theta and seasonal naive with several seasons) over its last three windows of the test tail's length, and says which.";

    // Covariates go to each candidate as a run's fit would hand them (ForecastingMethods.Fit): arima regresses on them.
    public bool UsesCovariates => true;

    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        var candidates = CandidatesFor(input);
        var origins = RollingOrigins.Of(input.History.Count, input.Horizon, input.SeasonalPeriod);
        if (origins.Count == 0)
        {
            var theta = ForecastingMethods.Fit(new ThetaMethod(), input, cancellation);
            return Picked(theta, "theta", [],
                $"auto: picked theta, as a collection's network does for a member too short for it: {input.History.Count} points leave no window of {input.Horizon} with {RollingOrigins.MinimumHistory(input.SeasonalPeriod)} points before it to compare the candidates on.");
        }
        var scores = candidates.Select(method => new CandidateScore(method.Name, Score(method, input, origins, cancellation))).ToList();
        var best = scores.MinBy(s => s.Score)!;
        var winner = ForecastingMethods.Fit(ForecastingMethods.Statistical(best.Method)!, input, cancellation);
        return Picked(winner, best.Method, scores,
            $"auto: picked {best.Method}, whose forecasts of the last {Windows(origins.Count, input.Horizon)} (each from a fit of the points before it) erred least, in mean MASE: {string.Join(", ", scores.Select(s => $"{s.Method} {Format(s.Score)}"))}.");
    }

    public IFittedForecaster Restore(JsonElement state, int seasonalPeriod)
    {
        var read = Read(state);
        return ForecastingMethods.Statistical(read.Method)!.Restore(read.State, seasonalPeriod);
    }

    /// <summary>The method picked for the history a state was fitted to, with how each candidate scored.</summary>
    /// <exception cref="ArgumentException">The state was not written by <see cref="Fit"/>.</exception>
    public static AutoState Read(JsonElement state) =>
        state.Deserialize<AutoState>(Json) is { Method: not null } read && ForecastingMethods.Statistical(read.Method) is not null and not AutoMethod
            ? read
            : throw new ArgumentException("The state names no method that auto picks from.", nameof(state));

    /// <summary>What auto picked for a collection's members, most picked first: "auto picked arima for 200 of 427 members, ets for 150, ...".</summary>
    public static string Tally(IReadOnlyList<JsonElement> states)
    {
        var picks = states.GroupBy(state => Read(state).Method).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => i == 0 ? $"{g.Key} for {g.Count()} of {states.Count} members" : $"{g.Key} for {g.Count()}").ToList();
        return $"auto picked {string.Join(", ", picks)}, each member's by the least error over its last windows of the test tail's length.";
    }

    private static IEnumerable<IStatisticalMethod> CandidatesFor(FitInput input) =>
        (input.SeasonalPeriods.Count > 1 ? SeveralSeasons : OneSeason).Select(name => ForecastingMethods.Statistical(name)!);

    private static double Score(IStatisticalMethod method, FitInput input, IReadOnlyList<int> origins, CancellationToken cancellation) =>
        origins.Average(origin =>
        {
            var before = input with { History = input.History.Take(origin).ToArray() };
            var model = ForecastingMethods.Fit(method, before, cancellation).Model;
            var forecast = model.PointForecasts(input.History, input.Covariates, [origin], input.Horizon)[0];
            return forecast.All(double.IsFinite) ? RollingOrigins.ScaledError(input.History, origin, forecast, input.SeasonalPeriod) : double.PositiveInfinity;
        });

    private static FittedMethod Picked(FittedMethod fitted, string method, IReadOnlyList<CandidateScore> scores, string why) =>
        fitted with
        {
            State = JsonSerializer.SerializeToElement(new AutoState(method, fitted.State, scores), Json),
            Choices = [why, .. fitted.Choices],
        };

    private static string Windows(int count, int horizon) => count == 1 ? $"window of {horizon} points" : $"{count} windows of {horizon} points";

    private static string Format(double score) => double.IsFinite(score) ? score.ToString("0.###", CultureInfo.InvariantCulture) : "not finite";
}
