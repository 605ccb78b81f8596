using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// The tutorial's configuration on the first 722 days of Seattle precipitation: lookback 120, hidden
/// size 64, 100 epochs, full batch, no transform, 10 held out, 20 % validation. Prints seconds per
/// epoch and the process's peak memory.
/// </summary>
internal static class TrainBenchmark
{
    public static int Run()
    {
        var values = RepositoryData.Read("seattle-precipitation-daily.csv").Values.Take(722).ToArray();
        var hp = new Hyperparameters(Lookback: 120, HiddenSize: 64, Layers: 1, Dropout: 0, Epochs: 100, BatchSize: null,
            LearningRate: 0.001, ValidationFraction: 0.2, TestSize: 10, Seed: 1, Transform: TransformChoice.None);
        var observer = new EpochTimes();
        var watch = Stopwatch.StartNew();
        LstmTrainer.Train(values, hp, observer, CancellationToken.None);
        var total = watch.Elapsed.TotalSeconds;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var mib = 1024.0 * 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train: 722 points, lookback 120, hidden 64, 100 epochs, full batch, {TorchSharp.torch.get_num_threads()} TorchSharp threads"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {total:F1} s in all, {total / hp.Epochs:F3} s per epoch (first epoch {observer.First:F3} s, median {observer.Median:F3} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak working set {process.PeakWorkingSet64 / mib:F0} MiB (managed heap now {GC.GetTotalMemory(false) / mib:F1} MiB)"));
        return 0;
    }

    private sealed class EpochTimes : ITrainingObserver
    {
        private readonly List<double> seconds = [];
        private TimeSpan last;

        public double First => seconds[0];

        public double Median => seconds.Order().ElementAt(seconds.Count / 2);

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
        {
            seconds.Add((report.Elapsed - last).TotalSeconds);
            last = report.Elapsed;
        }
    }
}
