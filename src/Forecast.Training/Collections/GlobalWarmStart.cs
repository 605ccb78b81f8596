using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>
/// Where a warm-started global training begins: a collection model's weights, the Adam state that went with them, and
/// how it saw each member (transform and scaler), kept for every member it knew so that their inputs mean to the network
/// what they meant. Members it did not know, or forecast by Theta, are seen afresh. Its network reads the covariates it
/// was trained on, which the collection must still carry.
/// </summary>
public sealed record GlobalWarmStart(byte[] Weights, byte[]? Optimizer, IReadOnlyList<GlobalMemberModel> Members, IReadOnlyList<CovariateScaler> Covariates)
{
    public static GlobalWarmStart From(GlobalModelArtifact model) => new(model.Weights, model.Optimizer, model.Members, model.CovariateInputs);

    internal NetworkStart Network => new(Weights, Optimizer);

    /// <summary>
    /// The model's view of <paramref name="member"/> to keep: null when the network did not forecast it, or when its
    /// values before the test tail (<paramref name="split"/>) now rule out the logarithm its transform takes.
    /// </summary>
    internal GlobalMemberModel? Learned(GlobalMember member, DataSplit split) =>
        Members.FirstOrDefault(m => m.Key == member.Key && m.Scaler is not null) is { } learned
            && (!learned.Transform.Log || MemberTransforms.AllowsLog(member.Values, split))
            ? learned
            : null;
}
