using Forecast.Domain.Runs;

namespace Forecast.Training.Lstm;

/// <summary>How a run that stopped early says so in its choices.</summary>
public static class EarlyStopping
{
    public static string Explain(int epochsRun, int bestEpoch, Hyperparameters hp) =>
        $"stopped early after epoch {epochsRun} of {hp.Epochs}: validation loss had not improved for {hp.EarlyStoppingPatience} epochs; " +
        (bestEpoch == 0 ? "kept the weights it started from, which no epoch beat." : $"kept the weights of epoch {bestEpoch}.");
}
