using System.Text.Json;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Runs;

public class HyperparameterResolverTests
{
    private readonly HyperparameterResolver resolver = new(new HyperparameterBounds());

    private static RegularSeries Monthly(int count, double offset = 100) =>
        new(Utc.Date(1949, 1, 1), Frequency.Monthly, Enumerable.Range(0, count).Select(i => offset + i).ToArray());

    private Hyperparameters Resolve(HyperparameterRequest request, int count = 144) => resolver.Resolve(request, Monthly(count), () => 1).Hyperparameters;

    [Fact]
    public void Defaults_follow_the_tutorial_except_where_the_accuracy_benchmark_measured_better()
    {
        var hp = resolver.Resolve(new HyperparameterRequest(), Monthly(722), () => 99).Hyperparameters;

        Assert.Equal((100, 0.2, 10, 99, (int?)null), (hp.Epochs, hp.ValidationFraction, hp.TestSize, hp.Seed, hp.BatchSize));
        Assert.Equal((36, 32, 0.01, 20, 1), (hp.Lookback, hp.HiddenSize, hp.LearningRate, hp.EarlyStoppingPatience, hp.EnsembleSize));
    }

    [Fact]
    public void Every_default_applied_is_explained_in_the_choices_and_a_field_given_is_not()
    {
        var defaults = resolver.Resolve(new HyperparameterRequest(), Monthly(144), () => 7).Choices;
        var given = resolver.Resolve(new HyperparameterRequest(Lookback: 24, SeasonalPeriod: 12, Transform: "none", EarlyStoppingPatience: 5, Seed: 3),
            Monthly(144), () => 7).Choices;
        var shortSeries = resolver.Resolve(new HyperparameterRequest(TestSize: 12), Monthly(60), () => 7).Choices;

        Assert.Collection(defaults,
            c => Assert.StartsWith("lookback 36: three seasons of 12", c, StringComparison.Ordinal),
            c => Assert.StartsWith("seasonal period 12 from the series' frequency", c, StringComparison.Ordinal),
            c => Assert.StartsWith("transform auto: chosen while training", c, StringComparison.Ordinal),
            c => Assert.StartsWith("early stopping after 20 epochs", c, StringComparison.Ordinal),
            c => Assert.StartsWith("seed 7 drawn at random", c, StringComparison.Ordinal));
        Assert.Empty(given);
        Assert.StartsWith("lookback 19: half the training part", shortSeries[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Early_stopping_is_on_by_default_only_with_a_validation_part_and_0_turns_it_off()
    {
        Assert.Null(Resolve(new HyperparameterRequest(ValidationFraction: 0)).EarlyStoppingPatience);
        Assert.Null(Resolve(new HyperparameterRequest(EarlyStoppingPatience: 0)).EarlyStoppingPatience);
        Assert.Equal(5, Resolve(new HyperparameterRequest(EarlyStoppingPatience: 5)).EarlyStoppingPatience);
        Assert.Equal("earlyStoppingPatience", Assert.Throws<DomainValidationException>(() =>
            Resolve(new HyperparameterRequest(EarlyStoppingPatience: 5, ValidationFraction: 0))).Field);
    }

    [Theory]
    [InlineData(Frequency.Monthly, 722, 36)]   // three years
    [InlineData(Frequency.Daily, 722, 24)]     // three weeks would be 21: the floor is 24
    [InlineData(Frequency.Weekly, 722, 120)]   // three years would be 156: the tutorial's 120 caps it
    [InlineData(Frequency.Monthly, 48, 15)]    // 30 training points: half of them
    public void The_default_lookback_spans_three_seasons_within_24_to_120_and_half_the_training_part(Frequency frequency, int count, int lookback) =>
        Assert.Equal(lookback, resolver.Resolve(new HyperparameterRequest(), Monthly(count) with { Frequency = frequency }, () => 1).Hyperparameters.Lookback);

    [Fact]
    public void The_transform_defaults_to_auto_and_the_seasonal_period_to_the_frequency_s()
    {
        var hp = Resolve(new HyperparameterRequest());
        var daily = resolver.Resolve(new HyperparameterRequest(), Monthly(144) with { Frequency = Frequency.Daily }, () => 1).Hyperparameters;

        Assert.Equal((TransformChoice.Auto, 12), (hp.Transform, hp.SeasonalPeriod));
        Assert.Equal(7, daily.SeasonalPeriod);
        Assert.Equal(4, Resolve(new HyperparameterRequest(SeasonalPeriod: 4)).SeasonalPeriod);
    }

    [Theory]
    [InlineData("log+seasonalDifference", "log+seasonalDifference")]
    [InlineData("SEASONALDIFFERENCE+difference", "seasonalDifference+difference")]
    [InlineData("none", "none")]
    [InlineData("Auto", "auto")]
    public void A_named_transform_is_kept_in_its_canonical_spelling(string asked, string kept) =>
        Assert.Equal(kept, Resolve(new HyperparameterRequest(Transform: asked)).Transform.ToString());

    [Theory]
    [InlineData("difference+log")]
    [InlineData("boxcox")]
    [InlineData("")]
    public void An_unknown_transform_is_refused_with_the_allowed_names(string asked)
    {
        var error = Assert.Throws<DomainValidationException>(() => Resolve(new HyperparameterRequest(Transform: asked)));

        Assert.Equal("transform", error.Field);
        Assert.Contains("log+seasonalDifference+difference", error.Message);
    }

    [Fact]
    public void A_log_of_a_series_with_a_zero_is_unprocessable_and_names_the_point()
    {
        var series = Monthly(144, offset: -5);

        var error = Assert.Throws<UnprocessableException>(() => resolver.Resolve(new HyperparameterRequest(Transform: "log"), series, () => 1));

        Assert.Equal("transform", error.Field);
        Assert.Contains("point 1 (1949-01-01) is -5", error.Message);
    }

    [Fact]
    public void A_seasonal_difference_without_a_season_is_unprocessable()
    {
        var yearly = Monthly(144) with { Frequency = Frequency.Yearly };

        var error = Assert.Throws<UnprocessableException>(() => resolver.Resolve(new HyperparameterRequest(Transform: "seasonalDifference"), yearly, () => 1));

        Assert.Equal("transform", error.Field);
        Assert.Contains("set seasonalPeriod", error.Message);
    }

    [Fact]
    public void Seasonal_indices_need_a_season_and_two_of_them_to_train_on()
    {
        var yearly = Monthly(144) with { Frequency = Frequency.Yearly };

        Assert.Contains("set seasonalPeriod", Assert.Throws<UnprocessableException>(() =>
            resolver.Resolve(new HyperparameterRequest(Transform: "deseasonalize"), yearly, () => 1)).Message);
        // 41 points, 12 tested, 20 % of the rest validated: 23 to train on, one short of two seasons.
        var error = Assert.Throws<UnprocessableException>(() => Resolve(new HyperparameterRequest(TestSize: 12, Transform: "deseasonalize"), count: 41));
        Assert.Equal("transform", error.Field);
        Assert.Contains("two seasons (24 points); it has 23", error.Message);
        Assert.Equal("deseasonalize", Resolve(new HyperparameterRequest(TestSize: 12, Transform: "deseasonalize"), count: 42).Transform.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public void A_seasonal_period_outside_the_bounds_is_refused(int period) =>
        Assert.Equal("seasonalPeriod", Assert.Throws<DomainValidationException>(() => Resolve(new HyperparameterRequest(SeasonalPeriod: period))).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void An_ensemble_size_outside_the_bounds_is_refused(int size) =>
        Assert.Equal("ensembleSize", Assert.Throws<DomainValidationException>(() => Resolve(new HyperparameterRequest(EnsembleSize: size))).Field);

    [Fact]
    public void The_ensemble_size_defaults_to_the_measured_choice() =>
        Assert.Equal((HyperparameterResolver.DefaultEnsembleSize, 4), (Resolve(new HyperparameterRequest()).EnsembleSize, Resolve(new HyperparameterRequest(EnsembleSize: 4)).EnsembleSize));

    [Fact]
    public void The_points_a_transform_consumes_shrink_the_longest_lookback()
    {
        // 106 training points; the seasonal and first differences consume 13 of them.
        Assert.Equal(104, Resolve(new HyperparameterRequest(Lookback: 104, TestSize: 12, Transform: "none")).Lookback);
        var error = Assert.Throws<UnprocessableException>(() =>
            Resolve(new HyperparameterRequest(Lookback: 104, TestSize: 12, Transform: "seasonalDifference+difference")));

        Assert.Contains("at most 91", error.Message);
        // 112 points leave 80 to train on: 36 fit untransformed, but only 67 / 2 = 33 after the differences.
        Assert.Equal(36, Resolve(new HyperparameterRequest(TestSize: 12, Transform: "none"), count: 112).Lookback);
        Assert.Equal(33, Resolve(new HyperparameterRequest(TestSize: 12, Transform: "seasonalDifference+difference"), count: 112).Lookback);
    }

    [Fact]
    public void The_split_is_chronological_and_leaves_the_test_tail_out()
    {
        var split = DataSplit.For(144, 12, 0.2);

        Assert.Equal((106, 132, 12), (split.TrainEnd, split.ValidationEnd, split.TestCount));
        Assert.Equal(26, split.ValidationCount);
    }

    [Fact]
    public void An_explicit_lookback_longer_than_the_training_part_is_refused()
    {
        var error = Assert.Throws<UnprocessableException>(() => Resolve(new HyperparameterRequest(Lookback: 120)));

        Assert.Equal("lookback", error.Field);
        Assert.Contains("at most 105", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000)]
    public void Epochs_outside_the_bounds_are_refused(int epochs) =>
        Assert.Equal("epochs", Assert.Throws<DomainValidationException>(() => Resolve(new HyperparameterRequest(Epochs: epochs))).Field);

    [Fact]
    public void Non_finite_numbers_are_refused() =>
        Assert.Equal("learningRate", Assert.Throws<DomainValidationException>(() =>
            Resolve(new HyperparameterRequest(LearningRate: double.NaN))).Field);

    [Fact]
    public void Every_numeric_field_is_accepted_at_the_ends_of_the_range_a_form_shows_and_refused_just_outside()
    {
        var bounded = new HyperparameterResolver(new HyperparameterBounds { MaxEpochs = 500 });
        var series = Monthly(2000);
        // seasonalPeriods, a list, is checked period by period against seasonalPeriod's range (SeasonalPeriodsTests).
        var numeric = typeof(HyperparameterRequest).GetProperties().Where(p => p.PropertyType != typeof(string) && p.PropertyType != typeof(IReadOnlyList<int>))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(numeric.Order(), bounded.Ranges.Keys.Order());
        Assert.Equal(new HyperparameterRange(1, 500), bounded.Ranges["epochs"]);
        foreach (var (field, range) in bounded.Ranges)
        {
            HyperparameterRequest Request(double value) => JsonSerializer.Deserialize<HyperparameterRequest>(
                JsonSerializer.Serialize(new Dictionary<string, double> { [field] = value }), JsonSerializerOptions.Web)!;
            var step = range.Max - range.Min >= 2 ? 1 : 0.01;

            bounded.Resolve(Request(range.Min), series, () => 1);
            bounded.Resolve(Request(range.Max), series, () => 1);
            Assert.Equal(field, Assert.Throws<DomainValidationException>(() => bounded.Resolve(Request(range.Min - step), series, () => 1)).Field);
            if (range.Max < int.MaxValue)
            {
                Assert.Equal(field, Assert.Throws<DomainValidationException>(() => bounded.Resolve(Request(range.Max + step), series, () => 1)).Field);
            }
        }
    }
}
