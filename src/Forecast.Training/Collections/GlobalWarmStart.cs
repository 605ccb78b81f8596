using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>
/// Where a warm-started global training begins: a collection model's weights, the Adam state that went with them, and
/// how it saw each member (transform and scaler), kept for every member it knew so that their inputs mean to the network
/// what they meant. Members it did not know, or forecast by Theta, are seen afresh.
/// </summary>
public sealed record GlobalWarmStart(byte[] Weights, byte[]? Optimizer, IReadOnlyList<GlobalMemberModel> Members)
{
    public static GlobalWarmStart From(GlobalModelArtifact model) => new(model.Weights, model.Optimizer, model.Members);

    internal NetworkStart Network => new(Weights, Optimizer);

    /// <summary>The model's view of member <paramref name="key"/> when the network forecast it; null when it did not.</summary>
    internal GlobalMemberModel? Learned(string key) => Members.FirstOrDefault(m => m.Key == key && m.Scaler is not null);
}
