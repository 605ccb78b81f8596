namespace Forecast.Training.Lstm;

/// <summary>Everything needed to rebuild a trained network in another process.</summary>
/// <param name="Weights">The network's state as written by TorchSharp's Module.save.</param>
/// <param name="TorchSharpVersion">The TorchSharp version that wrote <paramref name="Weights"/>.</param>
public sealed record ModelArtifact(
    byte[] Weights,
    MinMaxScaler Scaler,
    int Lookback,
    int HiddenSize,
    int Layers,
    string TorchSharpVersion)
{
    public static string CurrentTorchSharpVersion { get; } =
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
