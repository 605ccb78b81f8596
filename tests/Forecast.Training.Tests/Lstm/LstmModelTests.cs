using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Tests.Lstm;

public class LstmModelTests
{
    private static readonly double[] Seasonal = Enumerable.Range(0, 96)
        .Select(t => (50 + t) * (1 + 0.3 * Math.Sin(2 * Math.PI * t / 12))).ToArray();

    private static readonly Lazy<ModelArtifact> Trained = new(() => Train("log+seasonalDifference+difference", epochs: 5));

    private static readonly Lazy<ModelArtifact> Deseasonalized = new(() => Train("deseasonalize", epochs: 3));

    private static ModelArtifact Train(string transform, int epochs) => LstmTrainer.Train(Seasonal,
        new Hyperparameters(Lookback: 6, HiddenSize: 6, Layers: 1, Dropout: 0, Epochs: epochs, BatchSize: null, LearningRate: 0.01,
            ValidationFraction: 0.2, TestSize: 12, Seed: 4, Transform: TransformChoice.Parse(transform), SeasonalPeriod: 12),
        new RecordingObserver(), CancellationToken.None).Artifact;

    [Fact]
    public void The_first_predictable_point_follows_the_consumed_points_and_the_lookback()
    {
        using var model = new LstmModel(Trained.Value);

        Assert.Equal(13 + 6, model.FirstPredictable);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictOneStep(Seasonal, 18, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictRecursive(Seasonal[..18], 3));
    }

    // A batch runs through other float kernels than a single row, so "equal" means to float precision.
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Abs(a);

    [Fact]
    public void Forecasts_from_many_origins_at_once_equal_forecasts_from_each_alone()
    {
        using var model = new LstmModel(Trained.Value);
        int[] origins = [19, 40, 73, 96];

        var together = model.PredictRecursive(Seasonal, origins, 5);

        Assert.All(origins.Select((o, i) => (o, i)), p => Assert.Equal(model.PredictRecursive(Seasonal[..p.o], 5), together[p.i], Close));
    }

    [Fact]
    public void A_one_step_prediction_is_the_first_step_of_a_recursive_forecast_from_the_same_origin()
    {
        using var model = new LstmModel(Trained.Value);

        var oneStep = model.PredictOneStep(Seasonal, 60, 66);

        Assert.Equal(Enumerable.Range(60, 6).Select(t => model.PredictRecursive(Seasonal[..t], 1)[0]), oneStep, Close);
        Assert.All(oneStep, v => Assert.True(v > 0 && double.IsFinite(v)));
    }

    [Fact]
    public void A_rebuilt_model_carries_its_transform_and_season()
    {
        using var model = new LstmModel(Trained.Value);

        Assert.Equal((TransformPipeline.Parse("log+seasonalDifference+difference"), 12), (model.Artifact.Transform, model.Artifact.SeasonalPeriod));
    }

    [Fact]
    public void Seasonal_indices_need_two_seasons_before_the_first_prediction()
    {
        using var model = new LstmModel(Deseasonalized.Value);

        Assert.Equal(24, model.FirstPredictable);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictRecursive(Seasonal[..23], 3));
        Assert.All(model.PredictRecursive(Seasonal[..24], 3), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void One_step_predictions_never_see_the_values_they_predict_through_the_seasonal_indices()
    {
        using var model = new LstmModel(Deseasonalized.Value);
        var laterChanged = Seasonal.Select((v, t) => t <= 84 ? v : 5 * v).ToArray();

        var predicted = model.PredictOneStep(Seasonal, 84, 96);
        var withLaterValuesChanged = model.PredictOneStep(laterChanged, 84, 96);

        Assert.Equal(predicted[..2], withLaterValuesChanged[..2]);
        Assert.Equal(model.PredictRecursive(Seasonal[..84], 1)[0], predicted[0], Close);
        Assert.NotEqual(predicted[2], withLaterValuesChanged[2]);
    }
}
