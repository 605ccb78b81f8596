using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>A trained global model rebuilt from its artifact: one set of networks, each member seen through its own transform and scaler.</summary>
public sealed class GlobalModel : IDisposable
{
    private readonly LstmModel networks;
    private readonly Dictionary<string, (GlobalMemberModel Member, LstmModel? View)> members;

    public GlobalModel(GlobalModelArtifact artifact)
    {
        Artifact = artifact;
        networks = new LstmModel(new ModelArtifact(artifact.Weights, new MinMaxScaler(0, 1), artifact.Lookback, artifact.HiddenSize,
            artifact.Layers, artifact.TorchSharpVersion, TransformPipeline.None, artifact.SeasonalPeriod, RelativeWindows: artifact.RelativeWindows));
        members = artifact.Members.ToDictionary(
            m => m.Key,
            m => (m, m.Scaler is { } scaler ? networks.ForSeries(m.Transform, scaler) : null),
            StringComparer.Ordinal);
    }

    public GlobalModelArtifact Artifact { get; }

    /// <summary>The next <paramref name="horizon"/> points of member <paramref name="key"/> after <paramref name="history"/>, recursively.</summary>
    /// <exception cref="KeyNotFoundException">The model has no member of that key.</exception>
    public double[] Forecast(string key, IReadOnlyList<double> history, int horizon) => ForecastAll([(key, history)], horizon)[0];

    /// <summary>
    /// The next <paramref name="horizon"/> points of every member asked for, each after its own history: the network's
    /// members in one batch per step, the others by Theta. Results come in the order asked.
    /// </summary>
    public IReadOnlyList<double[]> ForecastAll(IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon)
    {
        var forecasts = new double[asked.Count][];
        var byNetwork = Enumerable.Range(0, asked.Count).Where(i => members[asked[i].Key].View is not null).ToList();
        var together = networks.PredictRecursiveTogether(
            byNetwork.Select(i => members[asked[i].Key].View!).ToList(), byNetwork.Select(i => asked[i].History).ToList(), horizon);
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

    public void Dispose() => networks.Dispose();
}
