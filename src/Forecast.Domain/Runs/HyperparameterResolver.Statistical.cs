using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

public sealed partial class HyperparameterResolver
{
    /// <summary>The fields a statistical method's run takes: its test tail and its season.</summary>
    public static IReadOnlyList<string> StatisticalFields { get; } = ["testSize", "seasonalPeriod"];

    /// <summary>
    /// Resolves a run of a statistical method on one series: its test tail and season. The network's fields do not belong
    /// to it, and a request that sets one is refused naming it, rather than silently ignored.
    /// </summary>
    /// <param name="method">The method's registered name, known to be statistical.</param>
    /// <exception cref="DomainValidationException">A network field is set, or a field is out of its range.</exception>
    /// <exception cref="UnprocessableException">The test tail leaves too little of the series to fit.</exception>
    public ResolvedHyperparameters ResolveStatistical(HyperparameterRequest request, RegularSeries series, string method)
    {
        RefuseNetworkFields(request, method);
        var seasonalPeriod = Check(request.SeasonalPeriod ?? series.Frequency.SeasonalPeriod(), "seasonalPeriod");
        var testSize = Check(request.TestSize ?? SeriesDefaults.TestSize(seasonalPeriod), "testSize");
        if (testSize > series.Count / 2)
        {
            throw new UnprocessableException(
                $"testSize {testSize} leaves too little to fit: the series has {series.Count} points, so testSize may be at most {series.Count / 2}.",
                "testSize");
        }
        var choices = new List<string>();
        if (request.TestSize is null)
        {
            choices.Add($"testSize {testSize}: the last {testSize} points are held out and forecast for the evaluation; {method} is fitted on everything before them.");
        }
        if (request.SeasonalPeriod is null)
        {
            choices.Add($"seasonal period {seasonalPeriod} from the series' frequency: the season {method} may model, and the lag of seasonal naive and the MASE scale.");
        }
        return new ResolvedHyperparameters(Hyperparameters.ForStatisticalMethod(method, testSize, seasonalPeriod), choices);
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
