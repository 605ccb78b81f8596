using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Tests.Lstm;

public class LstmTrainerTests
{
    private static readonly double[] Sine = Enumerable.Range(0, 120).Select(i => 10 + 5 * Math.Sin(i * 2 * Math.PI / 12)).ToArray();

    private static Hyperparameters Tiny(int seed = 7, int epochs = 30) => new(
        Lookback: 12, HiddenSize: 8, Layers: 1, Dropout: 0, Epochs: epochs, BatchSize: null,
        LearningRate: 0.01, ValidationFraction: 0.2, TestSize: 12, Seed: seed);

    [Fact]
    public void Training_a_tiny_lstm_lowers_its_loss()
    {
        var reports = new List<EpochReport>();
        LstmTrainer.Train(Sine, Tiny(epochs: 80), reports.Add, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 80), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.TrainLoss) && double.IsFinite(r.ValidationLoss!.Value)));
        Assert.True(reports[^1].TrainLoss < reports[0].TrainLoss / 2,
            $"loss went from {reports[0].TrainLoss} to {reports[^1].TrainLoss}");
    }

    [Fact]
    public void The_same_seed_reproduces_the_loss_curve_and_forecast_bit_for_bit()
    {
        var first = new List<EpochReport>();
        var second = new List<EpochReport>();
        var a = LstmTrainer.Train(Sine, Tiny(seed: 3, epochs: 5) with { Dropout = 0.2, Layers = 2, BatchSize = 16 }, first.Add, CancellationToken.None);
        var b = LstmTrainer.Train(Sine, Tiny(seed: 3, epochs: 5) with { Dropout = 0.2, Layers = 2, BatchSize = 16 }, second.Add, CancellationToken.None);

        Assert.Equal(first.Select(r => (r.TrainLoss, r.ValidationLoss)), second.Select(r => (r.TrainLoss, r.ValidationLoss)));
        using var modelA = new LstmModel(a.Artifact);
        using var modelB = new LstmModel(b.Artifact);
        Assert.Equal(modelA.PredictRecursive(Sine, 6), modelB.PredictRecursive(Sine, 6));
    }

    [Fact]
    public void A_different_seed_gives_a_different_model()
    {
        var a = LstmTrainer.Train(Sine, Tiny(seed: 1, epochs: 2), _ => { }, CancellationToken.None);
        var b = LstmTrainer.Train(Sine, Tiny(seed: 2, epochs: 2), _ => { }, CancellationToken.None);
        using var modelA = new LstmModel(a.Artifact);
        using var modelB = new LstmModel(b.Artifact);
        Assert.NotEqual(modelA.PredictRecursive(Sine, 3), modelB.PredictRecursive(Sine, 3));
    }

    [Fact]
    public void A_rebuilt_model_predicts_what_the_trained_one_learned()
    {
        var result = LstmTrainer.Train(Sine, Tiny(epochs: 60), _ => { }, CancellationToken.None);
        using var model = new LstmModel(result.Artifact);

        var oneStep = model.PredictOneStep(Sine, 108, 120);
        var meanAbsError = oneStep.Select((p, i) => Math.Abs(p - Sine[108 + i])).Average();
        Assert.True(meanAbsError < 2.5, $"one-step MAE {meanAbsError} on a sine of amplitude 5");
        Assert.Equal(12, oneStep.Length);
    }

    [Fact]
    public void Cancellation_stops_training_at_the_next_batch()
    {
        using var cts = new CancellationTokenSource();
        var epochs = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => LstmTrainer.Train(Sine, Tiny(epochs: 50), r =>
        {
            epochs = r.Epoch;
            if (r.Epoch == 3)
            {
                cts.Cancel();
            }
        }, cts.Token));
        Assert.Equal(3, epochs);
    }
}
