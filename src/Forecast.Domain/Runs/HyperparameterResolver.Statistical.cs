using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

public sealed partial class HyperparameterResolver
{
    /// <summary>The fields a statistical method's run takes: its test tail and its season.</summary>
    public static IReadOnlyList<string> StatisticalFields { get; } = ["testSize", "seasonalPeriod", "seasonalPeriods"];

    /// <summary>
    /// Resolves a run of a statistical method on one series: its test tail and season. The network's fields do not belong
    /// to it, and a request that sets one is refused naming it, rather than silently ignored.
    /// </summary>
    /// <param name="method">The method's registered name, known to be statistical.</param>
    /// <param name="severalSeasons">Whether the method decomposes several seasons, which a long sub-daily series then gets by default.</param>
    /// <exception cref="DomainValidationException">A network field is set, or a field is out of its range.</exception>
    /// <exception cref="UnprocessableException">The test tail leaves too little of the series to fit.</exception>
    public ResolvedHyperparameters ResolveStatistical(HyperparameterRequest request, RegularSeries series, string method, bool severalSeasons = false)
    {
        var (testSize, seasons, choices) = ResolveStatisticalFields(request, series.Frequency, SeriesDefaults, method, "series'", "points", testSize =>
        {
            if (testSize > series.Count / 2)
            {
                throw new UnprocessableException(
                    $"testSize {testSize} leaves too little to fit: the series has {series.Count} points, so testSize may be at most {series.Count / 2}.",
                    "testSize");
            }
            return ResolveSeasons(request, series.Frequency, series.Count - testSize, "the points before the test tail", severalSeasons);
        });
        return new ResolvedHyperparameters(Hyperparameters.ForStatisticalMethod(method, testSize, seasons.Period, seasonalPeriods: seasons.Periods), choices);
    }

    /// <summary>
    /// Resolves a run of a statistical method on a collection, which fits each member on its own: the test tail (two
    /// seasons by default, as a global run's) and the season, every member long enough to hold the tail and a little
    /// history. The network's fields are refused naming them, as on a series. The run's epochs are its members: its
    /// progress is the members fitted.
    /// </summary>
    /// <param name="method">The method's registered name, known to be statistical.</param>
    /// <exception cref="DomainValidationException">A network field is set, or a field is out of its range.</exception>
    /// <exception cref="UnprocessableException">A member too short for the test tail.</exception>
    public ResolvedHyperparameters ResolveStatisticalForCollection(HyperparameterRequest request, CollectionShape shape, string method)
    {
        RefuseSeasonalPeriods(request);
        var (testSize, seasons, choices) = ResolveStatisticalFields(request, shape.Frequency, CollectionDefaults, method, "collection's",
            "points of every member", testSize =>
            {
                CheckShortestMember(shape, testSize);
                return new Seasons(request.SeasonalPeriod ?? shape.Frequency.SeasonalPeriod(), null, null);
            });
        return new ResolvedHyperparameters(Hyperparameters.ForStatisticalMethod(method, testSize, seasons.Period, fits: shape.Members), choices);
    }

    /// <param name="subject">Whose frequency it is, in words: "series'" or "collection's".</param>
    /// <param name="heldOut">Whose points the test tail holds out, in words: "points" or "points of every member".</param>
    /// <param name="seasonsFor">The seasons for the test size, which checks the data hold that test tail.</param>
    private (int TestSize, Seasons Seasons, List<string> Choices) ResolveStatisticalFields(
        HyperparameterRequest request, Frequency frequency, RunDefaults defaults, string method, string subject, string heldOut, Func<int, Seasons> seasonsFor)
    {
        RefuseNetworkFields(request, method);
        var seasonalPeriod = Check(request.SeasonalPeriod ?? frequency.SeasonalPeriod(), "seasonalPeriod");
        var testSize = Check(request.TestSize ?? defaults.TestSize(seasonalPeriod), "testSize");
        var seasons = seasonsFor(testSize);
        var choices = new List<string>();
        if (request.TestSize is null)
        {
            choices.Add($"testSize {testSize}: the last {testSize} {heldOut} are held out and forecast for the evaluation; {method} is fitted on everything before them.");
        }
        if (seasons.Choice is not null)
        {
            choices.Add(seasons.Choice);
        }
        else if (request.SeasonalPeriod is null && request.SeasonalPeriods is null)
        {
            choices.Add($"seasonal period {seasonalPeriod} from the {subject} frequency: the season {method} may model, and the lag of seasonal naive and the MASE scale.");
        }
        return (testSize, seasons, choices);
    }

    private static void RefuseNetworkFields(HyperparameterRequest request, string method)
    {
        (string Field, bool Set)[] networkFields =
        [
            ("lookback", request.Lookback is not null), ("hiddenSize", request.HiddenSize is not null), ("layers", request.Layers is not null),
            ("dropout", request.Dropout is not null), ("epochs", request.Epochs is not null), ("batchSize", request.BatchSize is not null),
            ("learningRate", request.LearningRate is not null), ("validationFraction", request.ValidationFraction is not null),
            ("seed", request.Seed is not null), ("earlyStoppingPatience", request.EarlyStoppingPatience is not null),
            ("transform", request.Transform is not null), ("ensembleSize", request.EnsembleSize is not null),
            ("windowsPerEpoch", request.WindowsPerEpoch is not null),
        ];
        if (networkFields.FirstOrDefault(f => f.Set).Field is { } field)
        {
            throw new DomainValidationException(
                $"{field} belongs to the lstm method, not to {method}: {method} takes only {string.Join(" and ", StatisticalFields)}. Leave {field} out, or train method lstm.",
                field);
        }
    }
}
