namespace Forecast.Training.Lstm;

/// <summary>
/// Where a warm-started training begins: a trained model's weights, the Adam state that went with them, and the scaler
/// they learned the series through, kept so that the inputs mean to the network what they meant (a new maximum in the
/// grown series would otherwise rescale every input it had learned).
/// </summary>
/// <remarks>
/// The optimiser continues rather than starting afresh: a fresh Adam's first steps move every weight by about the
/// learning rate whatever its gradient, which throws a converged network off its minimum. It continues without its
/// momentum, which belonged to the old data (<see cref="AdamOptimizer.ContinueFrom"/>; both measured in docs/warm-start.md).
/// Models stored before the state was kept start with a fresh optimiser.
/// </remarks>
/// <param name="Covariates">The covariates the weights read, with the scalers they learned them through.</param>
public sealed record WarmStart(byte[] Weights, byte[]? Optimizer, MinMaxScaler Scaler, IReadOnlyList<CovariateScaler> Covariates)
{
    public static WarmStart From(ModelArtifact model) => new(model.Weights, model.Optimizer, model.Scaler, model.CovariateScalers);

    /// <summary>Whether the optimiser's momentum is reset; always, but for the benchmark that measures why.</summary>
    public bool ResetsMomentum { get; init; } = true;

    internal NetworkStart Network => new(Weights, Optimizer, ResetsMomentum);
}

/// <summary>The network's side of a warm start, one series' or a collection's: the ensemble's weights and, where kept, their Adam state.</summary>
internal sealed record NetworkStart(byte[] Weights, byte[]? Optimizer, bool ResetsMomentum = true);
