using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Benchmarks;

/// <summary>
/// The floor the service's epoch is compared with: the same shape trained by the plainest TorchSharp loop (one nn.LSTM
/// and a linear head, Adam, MSE, one full batch, a no-grad validation pass), with none of the service's work around it
/// (seeded windows, ensembles, early stopping, checkpoints offered per epoch).
/// </summary>
internal static class PlainTorchLoop
{
    /// <returns>The median seconds per epoch.</returns>
    public static double SecondsPerEpoch(int windows, int validationWindows, int lookback, int hidden, int epochs)
    {
        random.manual_seed(1);
        using var lstm = nn.LSTM(1, hidden, batchFirst: true);
        using var head = nn.Linear(hidden, 1);
        using var x = randn(windows, lookback, 1);
        using var y = randn(windows, 1);
        using var vx = randn(validationWindows, lookback, 1);
        using var vy = randn(validationWindows, 1);
        var parameters = lstm.parameters().Concat(head.parameters()).ToList();
        using var optimizer = optim.Adam(parameters, 0.001);
        var seconds = new List<double>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var (output, _, _) = lstm.forward(x);
                var loss = nn.functional.mse_loss(head.forward(output.select(1, -1)), y);
                loss.backward();
                optimizer.step();
                _ = loss.item<float>();
            }
            using (no_grad())
            using (var scope = NewDisposeScope())
            {
                var (output, _, _) = lstm.forward(vx);
                _ = nn.functional.mse_loss(head.forward(output.select(1, -1)), vy).item<float>();
            }
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        return seconds.Order().ElementAt(seconds.Count / 2);
    }
}
