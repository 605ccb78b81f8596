using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Tests.Lstm;

public class LstmTrainerTests
{
    private static readonly double[] Sine = Cycle(0, 120, amplitude: 5);

    /// <summary>Periods <paramref name="from"/> on of a 12-period sine around 10.</summary>
    private static double[] Cycle(int from, int count, double amplitude) =>
        Enumerable.Range(from, count).Select(i => 10 + amplitude * Math.Sin(i * 2 * Math.PI / 12)).ToArray();

    /// <summary><see cref="Sine"/> grown by <paramref name="count"/> new periods of the same cycle at <paramref name="amplitude"/>.</summary>
    private static double[] Grown(int count, double amplitude) => [.. Sine, .. Cycle(Sine.Length, count, amplitude)];

    private static Hyperparameters Tiny(int seed = 7, int epochs = 30) => new(
        Lookback: 12, HiddenSize: 8, Layers: 1, Dropout: 0, Epochs: epochs, BatchSize: null,
        LearningRate: 0.01, ValidationFraction: 0.2, TestSize: 12, Seed: seed, Transform: TransformChoice.None);

    private static (TrainingResult Result, RecordingObserver Observer) Train(Hyperparameters hp, TrainingCheckpoint? resumeFrom = null, int checkpointAt = 0)
    {
        var observer = new RecordingObserver(checkpointAt);
        return (LstmTrainer.Train(Sine, hp, observer, CancellationToken.None, resumeFrom), observer);
    }

    private static double[] Forecast(TrainingResult result, int horizon)
    {
        using var model = new LstmModel(result.Artifact);
        return model.PredictRecursive(Sine, horizon);
    }

    [Fact]
    public void Training_a_tiny_lstm_lowers_its_loss()
    {
        var (_, observer) = Train(Tiny(epochs: 80));
        var reports = observer.Reports;

        Assert.Equal(Enumerable.Range(1, 80), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.TrainLoss) && double.IsFinite(r.ValidationLoss!.Value)));
        Assert.True(reports[^1].TrainLoss < reports[0].TrainLoss / 2, $"loss went from {reports[0].TrainLoss} to {reports[^1].TrainLoss}");
    }

    [Fact]
    public void A_warm_start_begins_from_the_model_s_weights_and_keeps_its_scaler()
    {
        var (trained, _) = Train(Tiny(epochs: 40));
        var grown = Grown(60, amplitude: 8);
        var hp = Tiny(epochs: 1) with { LearningRate = 1e-12 };

        var observer = new RecordingObserver(0);
        var warm = LstmTrainer.Train(grown, hp, observer, CancellationToken.None, warmStart: WarmStart.From(trained.Artifact));
        var cold = LstmTrainer.Train(grown, hp, new RecordingObserver(0), CancellationToken.None);

        // An epoch at a vanishing learning rate leaves the weights where they began: the warm model forecasts as the trained one.
        Assert.Equal(trained.Artifact.Scaler, warm.Artifact.Scaler);
        Assert.NotEqual(trained.Artifact.Scaler, cold.Artifact.Scaler);
        var (expected, actual) = (Forecast(trained, 6), Forecast(warm, 6));
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-4));
    }

    [Fact]
    public void A_warm_start_continues_the_model_s_adam_state_and_so_stays_nearer_the_model_than_a_fresh_optimiser()
    {
        var (trained, _) = Train(Tiny(epochs: 40));
        var grown = Grown(24, amplitude: 5);
        var hp = Tiny(epochs: 1);
        var continued = WarmStart.From(trained.Artifact);

        var withState = LstmTrainer.Train(grown, hp, new RecordingObserver(0), CancellationToken.None, warmStart: continued);
        var fresh = LstmTrainer.Train(grown, hp, new RecordingObserver(0), CancellationToken.None, warmStart: continued with { Optimizer = null });

        // A fresh Adam's first step moves every weight by about the learning rate; a continued one by what its moments say.
        Assert.NotNull(continued.Optimizer);
        var model = Forecast(trained, 12);
        double Drift(TrainingResult warm) => Forecast(warm, 12).Zip(model).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(Drift(withState) < Drift(fresh) / 2, $"continued moved the forecast by {Drift(withState)}, fresh by {Drift(fresh)}");
    }

    [Fact]
    public void A_warm_start_keeps_the_weights_it_started_from_when_no_epoch_beats_them_on_validation()
    {
        var (trained, _) = Train(Tiny(epochs: 60));
        // A learning rate this high throws every epoch off the trained minimum.
        var hp = Tiny(epochs: 50) with { LearningRate = 0.5, EarlyStoppingPatience = 3 };
        var observer = new RecordingObserver(0);

        var warm = LstmTrainer.Train(Sine, hp, observer, CancellationToken.None, warmStart: WarmStart.From(trained.Artifact));

        Assert.Equal((0, 3, true), (warm.BestEpoch, warm.EpochsRun, warm.StoppedEarly));
        Assert.All(observer.Reports, r => Assert.True(r.ValidationLoss > warm.StartValidationLoss, $"epoch {r.Epoch}: {r.ValidationLoss} against {warm.StartValidationLoss} at the start"));
        Assert.Equal(trained.Artifact.Weights, warm.Artifact.Weights);
        Assert.Null(trained.StartValidationLoss);
    }

    [Fact]
    public void A_resumed_warm_start_ends_as_an_uninterrupted_one_through_its_model_s_scaler()
    {
        var (trained, _) = Train(Tiny(epochs: 10));
        var grown = Grown(60, amplitude: 8);
        var hp = Tiny(epochs: 4);
        var start = WarmStart.From(trained.Artifact);

        var whole = new RecordingObserver(checkpointAt: 2);
        var uninterrupted = LstmTrainer.Train(grown, hp, whole, CancellationToken.None, warmStart: start);
        var rest = new RecordingObserver();
        var resumed = LstmTrainer.Train(grown, hp, rest, CancellationToken.None, whole.Checkpoint, start);

        Assert.Equal(trained.Artifact.Scaler, resumed.Artifact.Scaler);
        Assert.Equal(whole.Reports.Skip(2).Select(r => (r.TrainLoss, r.ValidationLoss)), rest.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(uninterrupted.Artifact.Weights, resumed.Artifact.Weights);
    }

    [Fact]
    public void The_same_seed_reproduces_the_loss_curve_and_forecast_bit_for_bit()
    {
        var hp = Tiny(seed: 3, epochs: 5) with { Dropout = 0.2, Layers = 2, BatchSize = 16 };
        var (a, first) = Train(hp);
        var (b, second) = Train(hp);

        Assert.Equal(first.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)), second.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(Forecast(a, 6), Forecast(b, 6));
    }

    [Fact]
    public void An_ensemble_trains_reproducibly_resumes_exactly_and_forecasts_the_median_of_its_members()
    {
        var hp = Tiny(seed: 8, epochs: 6) with { EnsembleSize = 3, Dropout = 0.1, BatchSize = 32, EarlyStoppingPatience = 50 };
        var (whole, wholeObserver) = Train(hp, checkpointAt: 2);
        var (again, againObserver) = Train(hp);
        var (resumed, resumedObserver) = Train(hp, resumeFrom: wholeObserver.Checkpoint);

        Assert.Equal(wholeObserver.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)), againObserver.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(wholeObserver.Reports.Skip(2).Select(r => (r.TrainLoss, r.ValidationLoss)), resumedObserver.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(Forecast(whole, 4), Forecast(again, 4));
        Assert.Equal(Forecast(whole, 4), Forecast(resumed, 4));

        // The ensemble's one-step prediction is the median of its members'.
        var members = WeightBundle.Unpack(whole.Artifact.Weights);
        Assert.Equal(3, members.Length);
        var alone = members.Select(w =>
        {
            using var member = new LstmModel(whole.Artifact with { Weights = WeightBundle.Pack([w]) });
            return member.PredictOneStep(Sine, 100, 101)[0];
        }).Order().ElementAt(1);
        using var ensemble = new LstmModel(whole.Artifact);
        Assert.Equal(alone, ensemble.PredictOneStep(Sine, 100, 101)[0], 1e-5);
    }

    [Fact]
    public void A_large_batch_trains_in_two_halves_to_the_same_model_on_one_thread_as_on_two()
    {
        var longSine = Cycle(0, 600, amplitude: 5);
        // 430 training windows of 40 steps in one batch: two halves of 215, above the thresholds; dropout draws masks in both.
        // (A batch computed whole is not the same to the bit on one thread as on two: libtorch's sums split differently.)
        var hp = Tiny(seed: 4, epochs: 6) with { Lookback = 40, Dropout = 0.2, Layers = 2 };
        var threads = TorchSharp.torch.get_num_threads();
        TrainingResult Train(int torchThreads)
        {
            TorchSharp.torch.set_num_threads(torchThreads);
            try
            {
                return LstmTrainer.Train(longSine, hp, new RecordingObserver(0), CancellationToken.None);
            }
            finally
            {
                TorchSharp.torch.set_num_threads(threads);
            }
        }

        var oneThread = Train(1);
        var twoThreads = Train(2);

        Assert.Equal(oneThread.Artifact.Weights, twoThreads.Artifact.Weights);
        Assert.NotEqual(oneThread.Artifact.Weights, LstmTrainer.Train(longSine, hp with { Seed = 5 }, new RecordingObserver(0), CancellationToken.None).Artifact.Weights);
    }

    [Fact]
    public void Derived_seeds_are_fixed_numbers_not_per_process_hashes()
    {
        // Pinned: a run repeated or resumed in another process must draw the same shuffles and masks.
        Assert.Equal(7, Seeds.Member(7, 0));
        Assert.Equal([197617902, 633578304, 215150605], [Seeds.Member(7, 1), Seeds.Epoch(7, 1), Seeds.Epoch(7, 2)]);
    }

    [Fact]
    public void A_different_seed_gives_a_different_model() =>
        Assert.NotEqual(Forecast(Train(Tiny(seed: 1, epochs: 2)).Result, 3), Forecast(Train(Tiny(seed: 2, epochs: 2)).Result, 3));

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_exactly_where_an_uninterrupted_run_does()
    {
        var hp = Tiny(seed: 5, epochs: 8) with { Dropout = 0.1, BatchSize = 20, EarlyStoppingPatience = 50 };
        var (whole, wholeObserver) = Train(hp, checkpointAt: 3);

        var (resumed, resumedObserver) = Train(hp, resumeFrom: wholeObserver.Checkpoint);

        Assert.Equal(Enumerable.Range(4, 5), resumedObserver.Reports.Select(r => r.Epoch));
        Assert.Equal(wholeObserver.Reports.Skip(3).Select(r => (r.TrainLoss, r.ValidationLoss)),
            resumedObserver.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(whole.BestEpoch, resumed.BestEpoch);
        Assert.Equal(Forecast(whole, 4), Forecast(resumed, 4));
    }

    [Fact]
    public void Early_stopping_ends_the_run_and_keeps_the_best_validation_weights()
    {
        // A learning rate this high overshoots quickly, so validation loss stops improving early.
        var hp = Tiny(epochs: 200) with { LearningRate = 0.3, EarlyStoppingPatience = 5 };
        var (result, observer) = Train(hp);

        Assert.True(result.StoppedEarly);
        Assert.Equal(observer.Reports.Count, result.EpochsRun);
        Assert.Equal(result.BestEpoch + 5, result.EpochsRun);
        var best = observer.Reports.MinBy(r => r.ValidationLoss)!;
        Assert.Equal(best.Epoch, result.BestEpoch);
    }

    [Fact]
    public void A_resumed_run_keeps_the_adam_state_of_its_best_epoch_even_when_that_epoch_came_before_the_checkpoint()
    {
        var hp = Tiny(epochs: 200) with { LearningRate = 0.3, EarlyStoppingPatience = 5 };
        var (whole, _) = Train(hp);
        var (_, interrupted) = Train(hp, checkpointAt: whole.BestEpoch + 2);

        var (resumed, _) = Train(hp, resumeFrom: interrupted.Checkpoint);

        Assert.NotNull(whole.Artifact.Optimizer);
        Assert.Equal(whole.BestEpoch, resumed.BestEpoch);
        Assert.Equal(whole.Artifact.Weights, resumed.Artifact.Weights);
        Assert.Equal(whole.Artifact.Optimizer, resumed.Artifact.Optimizer);
    }

    [Fact]
    public void A_rebuilt_model_predicts_what_the_trained_one_learned()
    {
        using var model = new LstmModel(Train(Tiny(epochs: 60)).Result.Artifact);

        var oneStep = model.PredictOneStep(Sine, 108, 120);

        var meanAbsError = oneStep.Select((p, i) => Math.Abs(p - Sine[108 + i])).Average();
        Assert.True(meanAbsError < 2.5, $"one-step MAE {meanAbsError} on a sine of amplitude 5");
        Assert.Equal(12, oneStep.Length);
    }

    [Fact]
    public void Cancellation_stops_training_at_the_next_batch()
    {
        using var cts = new CancellationTokenSource();
        var observer = new CancellingObserver(cts, atEpoch: 3);

        Assert.ThrowsAny<OperationCanceledException>(() => LstmTrainer.Train(Sine, Tiny(epochs: 50) with { BatchSize = 8 }, observer, cts.Token));
        Assert.Equal(3, observer.LastEpoch);
    }

    private sealed class CancellingObserver(CancellationTokenSource source, int atEpoch) : ITrainingObserver
    {
        public int LastEpoch { get; private set; }

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
        {
            LastEpoch = report.Epoch;
            if (report.Epoch == atEpoch)
            {
                source.Cancel();
            }
        }
    }
}
