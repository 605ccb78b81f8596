using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Runs;

public class HyperparameterResolverTests
{
    private readonly HyperparameterResolver resolver = new(new HyperparameterBounds());

    [Fact]
    public void Defaults_follow_the_tutorial_where_the_series_allows()
    {
        var hp = resolver.Resolve(new HyperparameterRequest(), 722, () => 99);

        Assert.Equal((120, 100, 0.2, 10, 99, (int?)null), (hp.Lookback, hp.Epochs, hp.ValidationFraction, hp.TestSize, hp.Seed, hp.BatchSize));
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
        var error = Assert.Throws<UnprocessableException>(() => resolver.Resolve(new HyperparameterRequest(Lookback: 120), 144, () => 1));

        Assert.Equal("lookback", error.Field);
        Assert.Contains("at most 105", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000)]
    public void Epochs_outside_the_bounds_are_refused(int epochs) =>
        Assert.Equal("epochs", Assert.Throws<DomainValidationException>(() => resolver.Resolve(new HyperparameterRequest(Epochs: epochs), 144, () => 1)).Field);

    [Fact]
    public void Non_finite_numbers_are_refused() =>
        Assert.Equal("learningRate", Assert.Throws<DomainValidationException>(() =>
            resolver.Resolve(new HyperparameterRequest(LearningRate: double.NaN), 144, () => 1)).Field);
}
