using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Training.Tests.Lstm;

public class LstmCovariateTests
{
    private const int Points = 160;

    /// <summary>A promotion that runs on random periods, known in advance, 12 periods past the series' end.</summary>
    private static readonly double[] Promotion = [.. Enumerable.Range(0, Points + 12).Select(t => new Random(t * 31 + 5).NextDouble() < 0.3 ? 1.0 : 0.0)];

    /// <summary>Sales of 10 a period, 6 more while the promotion runs: nothing in their own past says when it will.</summary>
    private static readonly double[] Sales = [.. Promotion.Take(Points).Select(p => 10 + (6 * p))];

    private static readonly Covariates WithPromotion = new([new Covariate("promo", Promotion)]);

    private static Hyperparameters Tiny(int seed = 3) => new(
        Lookback: 6, HiddenSize: 8, Layers: 1, Dropout: 0, Epochs: 60, BatchSize: 32,
        LearningRate: 0.02, ValidationFraction: 0.2, TestSize: 12, Seed: seed, Transform: TransformChoice.None);

    private static BuiltModel Build(Covariates covariates) =>
        ForecastModelBuilder.Build(Sales, Tiny(), new RecordingObserver(0), CancellationToken.None, covariates: covariates);

    [Fact]
    public void A_network_that_reads_the_promotion_forecasts_the_sales_it_drives_and_one_that_does_not_cannot()
    {
        var with = Build(WithPromotion);
        var without = Build(Covariates.None);

        var (withMase, withoutMase) = (with.Evaluation.MultiStep.Metrics.Mase!.Value, without.Evaluation.MultiStep.Metrics.Mase!.Value);
        Assert.True(withMase < withoutMase / 3, $"test MASE with the promotion {withMase}, without {withoutMase}");
        Assert.Equal(["promo"], with.Artifact!.CovariateScalers.Select(c => c.Name));
        Assert.Contains(with.Choices, c => c.StartsWith("covariates: the network reads promo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forecast_past_the_promotion_s_known_future_names_its_first_missing_step()
    {
        using var model = new LstmModel(Build(WithPromotion).Artifact!);
        var forecaster = new LstmForecaster(model, calibration: null);

        var known = forecaster.ForecastAfter(Sales, WithPromotion, 12, IntervalLevels.None);
        var refused = Assert.Throws<MissingCovariateException>(() => forecaster.ForecastAfter(Sales, WithPromotion, 13, IntervalLevels.None));

        Assert.Equal(12, known.Count);
        Assert.Equal("promo", refused.Covariate);
        Assert.Equal(Points + 12, refused.Point);
        Assert.Throws<MissingCovariateException>(() => forecaster.ForecastAfter(Sales, Covariates.None, 1, IntervalLevels.None));
    }

    [Fact]
    public void One_step_predictions_read_the_promotion_as_the_first_step_of_a_forecast_does()
    {
        using var model = new LstmModel(Build(WithPromotion).Artifact!);

        var oneStep = model.PredictOneStep(Sales, WithPromotion, 140, 150);
        var firstSteps = model.PredictRecursive(Sales, WithPromotion, [.. Enumerable.Range(140, 10)], 1).Select(f => f[0]);

        Assert.Equal(firstSteps, oneStep, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void A_network_of_a_series_of_its_own_leaves_a_past_only_covariate_out_and_says_why()
    {
        var built = Build(new Covariates([new Covariate("promo", Promotion), new Covariate("footfall", Sales) { PastOnly = true }]));

        Assert.Equal(["promo"], built.Artifact!.CovariateScalers.Select(c => c.Name));
        Assert.Contains(built.Choices, c => c.StartsWith("Past-only covariates not used (footfall): lstm on a series of its own forecasts one step at a time", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warm_start_from_a_network_of_other_covariates_is_refused()
    {
        var trained = Build(Covariates.None);

        var refused = Assert.Throws<UnprocessableException>(() => LstmTrainer.Train(Sales, Tiny(), new RecordingObserver(0), CancellationToken.None,
            warmStart: WarmStart.From(trained.Artifact!), covariates: WithPromotion));

        Assert.Contains("keeps its model's covariates (none); the series has promo", refused.Message);
    }
}
