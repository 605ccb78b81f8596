using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>A trained global model rebuilt from its artifact: one set of networks, each member seen through its own transform and scaler.</summary>
/// <remarks>
/// Its intervals are the pooled calibration's (<see cref="PooledCalibration"/>), scaled by each member's own scale at the
/// forecast's origin.
/// </remarks>
public sealed class GlobalModel : ICollectionForecaster
{
    private readonly LstmModel networks;
    private readonly Dictionary<string, (GlobalMemberModel Member, LstmModel? View)> members;

    public GlobalModel(GlobalModelArtifact artifact)
    {
        Artifact = artifact;
        // The networks' own scalers are placeholders: each member is seen through its own (ForSeries).
        var identity = new MinMaxScaler(0, 1);
        networks = new LstmModel(new ModelArtifact(artifact.Weights, identity, artifact.Lookback, artifact.HiddenSize,
            artifact.Layers, artifact.TorchSharpVersion, TransformPipeline.None, artifact.SeasonalPeriod, RelativeWindows: artifact.RelativeWindows, Outputs: artifact.Outputs,
            Covariates: artifact.CovariateInputs));
        members = artifact.Members.ToDictionary(
            m => m.Key,
            m => (m, m.Scaler is { } scaler ? networks.ForSeries(m.Transform, scaler, m.CovariateScalers, m.EvolvingSeason) : null),
            StringComparer.Ordinal);
    }

    public GlobalModelArtifact Artifact { get; }

    public string Method => LstmMethod.MethodName;

    public int SeasonalPeriod => Artifact.SeasonalPeriod;

    public bool HasIntervals => Artifact.Calibration is not null;

    /// <summary>The next <paramref name="horizon"/> points of member <paramref name="key"/> after <paramref name="history"/>, by a network of the members' own past.</summary>
    /// <exception cref="KeyNotFoundException">The model has no member of that key.</exception>
    public double[] Forecast(string key, IReadOnlyList<double> history, int horizon) => ForecastAll([(key, history)], horizon)[0];

    /// <summary>The covariates the network reads beside every member's values; none for a network of their own past.</summary>
    public IReadOnlyList<string> CovariateNames => Artifact.CovariateNames;

    /// <summary>
    /// The next <paramref name="horizon"/> points of every member asked for, each after its own history: the network's
    /// members in one batch per block of steps, the others by Theta (<see cref="FallbackFor"/>). Results come in the order asked.
    /// </summary>
    /// <param name="covariates">
    /// Each member's covariates by key, aligned with its history and known through the network's last block of steps past
    /// it; needed for the members the network forecasts when it reads covariates, ignored otherwise.
    /// </param>
    /// <exception cref="MissingCovariateException">A covariate the network reads without a value a member's forecast needs, naming the member.</exception>
    public IReadOnlyList<double[]> ForecastAll(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IReadOnlyDictionary<string, Covariates>? covariates = null)
    {
        var forecasts = new double[asked.Count][];
        var byNetwork = Enumerable.Range(0, asked.Count).Where(i => FallbackFor(asked[i].Key, asked[i].History) is null).ToList();
        var together = networks.PredictRecursiveTogether(
            byNetwork.Select(i => members[asked[i].Key].View!).ToList(),
            byNetwork.Select(i => asked[i].History).ToList(),
            CovariateNames.Count == 0 ? null : byNetwork.Select(i => CovariatesOf(asked[i].Key, asked[i].History.Count, horizon, covariates)).ToList(),
            horizon);
        for (var j = 0; j < byNetwork.Count; j++)
        {
            forecasts[byNetwork[j]] = together[j];
        }
        for (var i = 0; i < asked.Count; i++)
        {
            forecasts[i] ??= Theta.Forecast(asked[i].History, horizon, Artifact.SeasonalPeriod);
        }
        return forecasts;
    }

    public IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IntervalLevels levels, IReadOnlyDictionary<string, Covariates>? covariates = null) =>
        ForecastAll(asked, horizon, covariates).Select((point, i) => PooledCalibration.Around(point, asked[i].History, SeasonalPeriod, levels, Artifact.Calibration)).ToList();

    /// <summary>Member <paramref name="key"/>'s covariates, checked to cover the network's steps from <paramref name="origin"/>.</summary>
    /// <exception cref="MissingCovariateException">One without a value there (or none given), naming the member.</exception>
    private Covariates CovariatesOf(string key, int origin, int horizon, IReadOnlyDictionary<string, Covariates>? covariates)
    {
        var known = covariates?.GetValueOrDefault(key) ?? Covariates.None;
        try
        {
            members[key].View!.RequireCovariates(known, origin, horizon);
        }
        catch (MissingCovariateException e)
        {
            throw e.OfMember(key);
        }
        return known;
    }

    /// <summary>
    /// Why member <paramref name="key"/> is forecast by the Theta method after <paramref name="history"/>, or null when the
    /// network forecasts it: a member too short when trained always falls back, and any member does from an origin with
    /// fewer points before it than its lookback and transform need (an early backtest window's), or, logged when trained,
    /// from a history that has reached 0 or below since (whose logarithm would make the forecast NaN).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The model has no member of that key.</exception>
    public string? FallbackFor(string key, IReadOnlyList<double> history)
    {
        var (member, view) = members[key];
        if (member.Fallback is { } tooShort)
        {
            return tooShort;
        }
        if (history.Count < view!.FirstPredictable)
        {
            return $"forecast by the Theta method: {history.Count} points before the origin, fewer than the {view.FirstPredictable} that lookback {Artifact.Lookback} and its transform {member.Transform} need.";
        }
        return member.Transform.Log && history.Any(v => v <= 0)
            ? $"forecast by the Theta method: logged when trained, it has a value of 0 or less now, which its transform {member.Transform} cannot take."
            : null;
    }

    public void Dispose() => networks.Dispose();
}
