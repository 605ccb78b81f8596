using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Runs;

/// <summary>A global run's defaults are those measured on the tourism sets, sized to the collection's members.</summary>
public class CollectionHyperparameterTests
{
    private readonly HyperparameterResolver resolver = new(new HyperparameterBounds());

    private static CollectionShape Monthly(int shortest = 91, int longest = 333) => new(Frequency.Monthly, 366, "T1", shortest, longest);

    private ResolvedHyperparameters Resolve(HyperparameterRequest request, CollectionShape shape) => resolver.ResolveForCollection(request, shape, () => 4);

    [Fact]
    public void Defaults_are_the_global_configuration_measured_on_the_tourism_validation_parts()
    {
        var monthly = Resolve(new HyperparameterRequest(), Monthly()).Hyperparameters;
        var quarterly = Resolve(new HyperparameterRequest(), new CollectionShape(Frequency.Quarterly, 427, "Q1", 30, 130)).Hyperparameters;

        Assert.Equal((36, 24, 12, 100, 512, 0.001, 10, 5), (monthly.Lookback, monthly.TestSize, monthly.SeasonalPeriod, monthly.Epochs,
            monthly.BatchSize, monthly.LearningRate, monthly.EarlyStoppingPatience, monthly.EnsembleSize));
        Assert.Equal((12, 8, 4), (quarterly.Lookback, quarterly.TestSize, quarterly.SeasonalPeriod));
        Assert.True(monthly.Transform.IsAuto);
        Assert.Null(monthly.WindowsPerEpoch);
    }

    [Fact]
    public void Every_default_is_explained_and_the_lookback_says_short_members_fall_back_to_theta()
    {
        var choices = Resolve(new HyperparameterRequest(), Monthly()).Choices;

        Assert.StartsWith("testSize 24: the last 24 points of every member", choices[0], StringComparison.Ordinal);
        Assert.Contains(choices, c => c.StartsWith("lookback 36: three seasons of 12", StringComparison.Ordinal) && c.Contains("Theta method", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("transform auto, per member", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("epochs 100, batchSize 512, learningRate 0.001", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("ensembleSize 5: the median of 5 networks", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("seed 4 drawn at random", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lookback_is_shortened_to_what_the_longest_member_allows_and_one_asked_beyond_it_is_refused()
    {
        var shortCollection = new CollectionShape(Frequency.Monthly, 3, "a", 40, 100);

        // 100 points: 24 in the test tail, 24 validate; two windows of 24 targets after their lookback leave room for 27.
        Assert.Equal(27, Resolve(new HyperparameterRequest(), shortCollection).Hyperparameters.Lookback);
        var error = Assert.Throws<UnprocessableException>(() => Resolve(new HyperparameterRequest(Lookback: 28), shortCollection));
        Assert.Equal("lookback", error.Field);
    }

    [Fact]
    public void A_member_too_short_for_the_test_tail_is_refused_by_its_key()
    {
        var error = Assert.Throws<UnprocessableException>(() => Resolve(new HyperparameterRequest(), Monthly(shortest: 26)));

        Assert.StartsWith("Member 'T1' has 26 points; with testSize 24 held out it needs at least 27", error.Message, StringComparison.Ordinal);
        Assert.Equal("testSize", error.Field);
    }

    [Fact]
    public void Windows_per_epoch_is_bounded_like_a_batch()
    {
        Assert.Equal(1000, Resolve(new HyperparameterRequest(WindowsPerEpoch: 1000), Monthly()).Hyperparameters.WindowsPerEpoch);
        Assert.Throws<DomainValidationException>(() => Resolve(new HyperparameterRequest(WindowsPerEpoch: 0), Monthly()));
    }

    [Fact]
    public void A_backtest_counts_its_windows_back_from_every_member_s_own_test_tail_and_a_refit_needs_its_earliest_window_trainable()
    {
        var shape = new CollectionShape(Frequency.Monthly, 3, "a", 40, 108);
        var resolved = Resolve(new HyperparameterRequest(), shape).Hyperparameters;

        var periods = resolver.CheckCollectionBacktest(new BacktestRequest(3, Step: 6), new HyperparameterRequest(), resolved, shape);
        // 12 periods before its test tail the longest member has 96 points: 24 in the test tail and 24 validating leave room
        // for a lookback of 23, not the 35 the whole collection resolved to.
        var error = Assert.Throws<UnprocessableException>(() =>
            resolver.CheckCollectionBacktest(new BacktestRequest(3, Step: 6, Refit: true), new HyperparameterRequest(), resolved, shape));

        Assert.Equal(35, resolved.Lookback);
        Assert.Equal([12, 6, 0], periods);
        Assert.Equal("lookback", error.Field);
    }

    [Fact]
    public void A_statistical_run_on_a_collection_holds_out_two_seasons_and_counts_its_members_as_its_epochs()
    {
        var resolved = resolver.ResolveStatisticalForCollection(new HyperparameterRequest(Method: "theta"), Monthly(), "theta");

        var hp = resolved.Hyperparameters;
        Assert.Equal(("theta", 24, 12, 366, false), (hp.Method, hp.TestSize, hp.SeasonalPeriod, hp.Epochs, hp.TrainsNetwork));
        Assert.StartsWith("testSize 24: the last 24 points of every member are held out", resolved.Choices[0], StringComparison.Ordinal);
        Assert.StartsWith("seasonal period 12 from the collection's frequency", resolved.Choices[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_statistical_run_on_a_collection_refuses_a_network_field_and_a_member_too_short_naming_the_field()
    {
        var network = Assert.Throws<DomainValidationException>(() =>
            resolver.ResolveStatisticalForCollection(new HyperparameterRequest(HiddenSize: 8, Method: "naive"), Monthly(), "naive"));
        var tooShort = Assert.Throws<UnprocessableException>(() =>
            resolver.ResolveStatisticalForCollection(new HyperparameterRequest(TestSize: 30, Method: "naive"), Monthly(shortest: 32), "naive"));

        Assert.Equal("hiddenSize", network.Field);
        Assert.Equal("testSize", tooShort.Field);
        Assert.StartsWith("Member 'T1' has 32 points; with testSize 30 held out it needs at least 33", tooShort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ensemble_run_takes_every_network_field_trains_a_network_and_says_what_it_combines()
    {
        var resolved = resolver.ResolveEnsembleForCollection(new HyperparameterRequest(Epochs: 3, Method: "ensemble"), Monthly(), () => 4);

        var hp = resolved.Hyperparameters;
        var network = Resolve(new HyperparameterRequest(Epochs: 3), Monthly()).Hyperparameters;
        Assert.Equal(network with { Method = "ensemble" }, hp);
        Assert.True(hp.TrainsNetwork);
        Assert.StartsWith("ensemble: the global network below, and ets, arima and theta fitted to each member", resolved.Choices[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_ensemble_run_refuses_to_go_without_validation_parts_or_with_a_member_too_short_for_one_naming_the_field()
    {
        var noValidation = Assert.Throws<DomainValidationException>(() =>
            resolver.ResolveEnsembleForCollection(new HyperparameterRequest(ValidationFraction: 0, Method: "ensemble"), Monthly(), () => 4));
        var tooShort = Assert.Throws<UnprocessableException>(() =>
            resolver.ResolveEnsembleForCollection(new HyperparameterRequest(Method: "ensemble"), Monthly(shortest: 50), () => 4));

        Assert.Equal("validationFraction", noValidation.Field);
        Assert.Equal("testSize", tooShort.Field);
        Assert.StartsWith("Member 'T1' has 50 points; the ensemble fits ets, arima and theta before its validation part as well", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("it needs at least 51", tooShort.Message, StringComparison.Ordinal);
    }
}
