namespace Forecast.Training.Lstm;

/// <summary>
/// Where a warm-started training begins: a trained model's weights, and the scaler they learned the series through,
/// kept so that the inputs mean to the network what they meant (a new maximum in the grown series would otherwise
/// rescale every input it had learned). The optimiser starts afresh.
/// </summary>
public sealed record WarmStart(byte[] Weights, MinMaxScaler Scaler)
{
    public static WarmStart From(ModelArtifact model) => new(model.Weights, model.Scaler);
}
