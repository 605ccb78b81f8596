using Forecast.Api.Admission;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

public class RunCostTests
{
    private static Hyperparameters Run(string transform = "none", int? batchSize = null, int ensembleSize = 1) =>
        new(Lookback: 24, HiddenSize: 8, Layers: 2, Dropout: 0, Epochs: 10, BatchSize: batchSize, LearningRate: 0.01,
            ValidationFraction: 0.2, TestSize: 10, Seed: 1, Transform: TransformChoice.Parse(transform), EnsembleSize: ensembleSize);

    [Fact]
    public void Work_is_epochs_times_windows_times_lookback_times_layers_times_hidden_size_squared()
    {
        // 110 points: 10 held out, 20 validate, 80 train, of which 80 - 24 = 56 are training windows.
        var cost = RunCost.Of(Run(), 110);

        Assert.Equal(10.0 * (56 + 20) * 24 * 2 * 64, cost.Work);
        Assert.Equal(56.0 * 24 * 2 * 8, cost.BatchActivations);
    }

    [Fact]
    public void Every_network_of_an_ensemble_counts_but_they_share_the_memory()
    {
        Assert.Equal(5 * RunCost.Of(Run(), 110).Work, RunCost.Of(Run(ensembleSize: 5), 110).Work);
        Assert.Equal(RunCost.Of(Run(), 110).BatchActivations, RunCost.Of(Run(ensembleSize: 5), 110).BatchActivations);
    }

    [Fact]
    public void Transform_auto_counts_every_candidate_it_may_train_and_the_validation_part_is_one_batch()
    {
        Assert.Equal(13 * RunCost.Of(Run(), 110).Work, RunCost.Of(Run("auto"), 110).Work);
        Assert.Equal(20.0 * 24 * 2 * 8, RunCost.Of(Run(batchSize: 4), 110).BatchActivations);
    }

    [Fact]
    public void A_collection_counts_the_windows_of_both_trainings_of_every_member_and_windows_per_epoch_bounds_each()
    {
        // The network forecasts the 10-point tail at once and trains twice. Windows of 24 inputs and 10 targets before the
        // test tails: 67 of each 110-point member and 17 of the 60-point one; before the validation parts (10 more points
        // back): 57, 57 and 7; and each epoch forecasts the 3 validation parts. Transform auto is a rule per member there.
        var auto = Run("auto");
        var cost = RunCost.OfCollection(auto, [110, 110, 60]);
        var bounded = RunCost.OfCollection(auto with { WindowsPerEpoch = 50 }, [110, 110, 60]);

        Assert.Equal(10.0 * (67 + 67 + 17 + 57 + 57 + 7 + 3) * 24 * 2 * 64, cost.Work);
        Assert.Equal(10.0 * (50 + 50 + 3) * 24 * 2 * 64, bounded.Work);
        // The largest batch: the second training's 151 windows, whole.
        Assert.Equal(151.0 * 24 * 2 * 8, cost.BatchActivations);
    }

    [Fact]
    public void A_backtest_that_refits_counts_every_training_it_asks_for()
    {
        var once = RunCost.Of(Run(), 110);
        var thrice = once.Times(3);

        Assert.Equal(3 * once.Work, thrice.Work);
        Assert.Equal(once.BatchActivations, thrice.BatchActivations);
        Assert.EndsWith("× 3 trainings (the model and one per earlier backtest window)", thrice.WorkFactors, StringComparison.Ordinal);
    }
}
