using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Xunit.Abstractions;

namespace Forecast.Training.Tests.Lstm;

/// <summary>An lstm on an hourly series with a day and a week, deseasonalized by MSTL or by one season's phase indices (issue #26).</summary>
public class LstmMultipleSeasonsTests(ITestOutputHelper output)
{
    private const int Weeks = 4;

    /// <summary>
    /// Four weeks by the hour around 100: a daily cycle whose amplitude grows by 8 a week from 20 (as heating demand grows
    /// into winter), 25 more at weekends, and noise of 6. Three training weeks give each of a week's 168 phase indices three
    /// values from days of different amplitudes; MSTL's daily season follows the growing cycle and repeats its latest one.
    /// </summary>
    /// <remarks>
    /// With a steady cycle (no growth) the two tie on this series: MASE 0.683 by MSTL, 0.696 by the week's phase indices, since
    /// MSTL's weekly season also rests on three values a phase.
    /// </remarks>
    private static readonly double[] Hourly = HourlySeries(seed: 3);

    private static double[] HourlySeries(int seed)
    {
        var random = new Random(seed);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, Weeks * 168).Select(h =>
            100 + (20 + 8 * h / 168.0) * Math.Sin(2 * Math.PI * h / 24) + (h / 24 % 7 >= 5 ? 25 : 0) + 6 * Noise())];
    }

    private static Hyperparameters Tiny(IReadOnlyList<int>? seasonalPeriods) => new(
        Lookback: 24, HiddenSize: 8, Layers: 1, Dropout: 0, Epochs: 20, BatchSize: null, LearningRate: 0.01,
        ValidationFraction: 0.2, TestSize: 48, Seed: 5, Transform: TransformChoice.Parse("deseasonalize"), SeasonalPeriod: 168)
    {
        SeasonalPeriods = seasonalPeriods,
    };

    private BuiltModel Build(Hyperparameters hp)
    {
        var clock = Stopwatch.StartNew();
        var built = ForecastModelBuilder.Build(Hourly, hp, new RecordingObserver(), CancellationToken.None);
        output.WriteLine($"seasons {string.Join(",", hp.Seasons)}: test MASE {built.Evaluation.MultiStep.Metrics.Mase:F3}, built in {clock.Elapsed.TotalSeconds:F1} s");
        return built;
    }

    [Fact]
    public void An_lstm_deseasonalized_by_mstl_with_a_day_and_a_week_follows_a_growing_daily_cycle_and_forecasts_the_last_two_days_better_than_with_the_week_alone()
    {
        var both = Build(Tiny([24, 168]));
        var week = Build(Tiny(null));

        Assert.Equal([24, 168], both.Artifact!.Seasons);
        Assert.Equal([168], week.Artifact!.Seasons);
        Assert.Contains(both.Choices, c => c.StartsWith("transform deseasonalize: the seasons of 24 and 168 taken out by MSTL", StringComparison.Ordinal));
        Assert.DoesNotContain(week.Choices, c => c.Contains("MSTL", StringComparison.Ordinal));
        Assert.True(both.Evaluation.MultiStep.Metrics.Mase < 0.75 * week.Evaluation.MultiStep.Metrics.Mase,
            $"MASE with MSTL {both.Evaluation.MultiStep.Metrics.Mase}, with the week's phase indices {week.Evaluation.MultiStep.Metrics.Mase}");
    }

    [Fact]
    public void A_model_stored_before_several_seasons_reads_as_its_one_seasonal_period()
    {
        // As the database stores an artifact: web JSON, which models stored before seasonalPeriods existed lack.
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var current = new ModelArtifact([1, 2], new MinMaxScaler(0, 1), 24, 8, 1, "0.105.0", TransformPipeline.Parse("deseasonalize"), 168,
            SeasonalPeriods: [24, 168]);
        var stored = JsonSerializer.SerializeToNode(current, web)!.AsObject();
        stored.Remove("seasonalPeriods");

        Assert.Equal([24, 168], JsonSerializer.Deserialize<ModelArtifact>(JsonSerializer.Serialize(current, web), web)!.Seasons);
        Assert.Equal([168], JsonSerializer.Deserialize<ModelArtifact>(stored.ToJsonString(), web)!.Seasons);
    }
}
