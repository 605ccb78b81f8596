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
    public double[] Forecast(string key, IReadOnlyList<double> history, int horizon) =>
        members[key].View is { } view
            ? view.PredictRecursive(history, horizon)
            : Theta.Forecast(history, horizon, Artifact.SeasonalPeriod);

    public void Dispose() => networks.Dispose();
}
