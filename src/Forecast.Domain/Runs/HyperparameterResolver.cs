using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

/// <summary>Hyperparameters resolved for a run, with the choices the service made for the client, in plain words.</summary>
public sealed record ResolvedHyperparameters(Hyperparameters Hyperparameters, IReadOnlyList<string> Choices);

/// <summary>Applies defaults and bounds to a <see cref="HyperparameterRequest"/> for a given series, or a collection (<see cref="ResolveForCollection"/>).</summary>
public sealed partial class HyperparameterResolver(HyperparameterBounds bounds)
{
    /// <summary>The tutorial's lookback: the most the service chooses by itself.</summary>
    public const int MaxDefaultLookback = 120;

    /// <summary>The shortest lookback the service chooses by itself, where the series allows it.</summary>
    public const int MinDefaultLookback = 24;

    /// <summary>
    /// Adam's step size. The tutorial's 0.001 gives a full-batch run of 100 epochs only 100 small steps:
    /// the untransformed network on nottem had not learnt the season, and transform auto then preferred
    /// the seasonal difference, whose forecasts are seasonal naive's plus noise (docs/accuracy.md).
    /// </summary>
    public const double DefaultLearningRate = 0.01;

    /// <summary>Units per LSTM layer: 32 was as accurate as 64 or better on the shared data sets, and about twice as fast.</summary>
    public const int DefaultHiddenSize = 32;

    /// <summary>One network for a series: five averaged were no more accurate on the shared data sets, at five times the cost (docs/accuracy.md).</summary>
    public const int DefaultEnsembleSize = 1;

    /// <summary>
    /// Epochs without a better validation loss before training stops and the best weights are restored.
    /// Ten stopped the seasonally differenced models at epoch 2 or 3 on noisy validation losses; twenty
    /// lets them learn while still catching the overfitting of short series (docs/accuracy.md).
    /// </summary>
    public const int DefaultEarlyStoppingPatience = 20;

    /// <summary>The defaults of a run on one series, measured on the shared single series (docs/accuracy.md).</summary>
    private static readonly RunDefaults SeriesDefaults = new(
        Epochs: 100, LearningRate: DefaultLearningRate, BatchSize: null, EarlyStoppingPatience: DefaultEarlyStoppingPatience, TestSize: _ => 10,
        EnsembleSize: DefaultEnsembleSize);

    /// <summary>Fields whose default differs between kinds of run.</summary>
    /// <param name="TestSize">The test tail's length for a seasonal period.</param>
    internal sealed record RunDefaults(int Epochs, double LearningRate, int? BatchSize, int EarlyStoppingPatience, Func<int, int> TestSize, int EnsembleSize);

    /// <summary>A run needs at least this many training windows to learn anything.</summary>
    public const int MinimumTrainingWindows = 2;

    /// <returns>The hyperparameters, and in plain words each choice made for a field the client left out.</returns>
    public ResolvedHyperparameters Resolve(HyperparameterRequest request, RegularSeries series, Func<int> randomSeed)
    {
        var seriesLength = series.Count;
        var common = ResolveCommon(request, SeriesDefaults, series.Frequency, randomSeed);
        var (testSize, validationFraction, seasonalPeriod) = (common.TestSize, common.ValidationFraction, common.SeasonalPeriod);
        var pipeline = common.Transform.Pipeline;
        if (testSize > seriesLength / 2)
        {
            throw new UnprocessableException(
                $"testSize {testSize} leaves too little to train on: the series has {seriesLength} points, so testSize may be at most {seriesLength / 2}.",
                "testSize");
        }
        var split = DataSplit.For(seriesLength, testSize, validationFraction);
        var seasons = NetworkSeasons(ResolveSeasons(request, series.Frequency, split.TrainCount, "the training part", severalSeasons: false), pipeline);
        seasonalPeriod = seasons.Period;
        if (pipeline is not null)
        {
            CheckTransform(pipeline, series, seasonalPeriod, split);
        }
        // "auto" sizes the lookback for the untransformed candidate; the differenced candidates that
        // the shortest series leave no room for are passed over while training, and the run says so.
        var consumed = pipeline?.PointsConsumed(seasonalPeriod) ?? 0;
        var available = split.TrainCount - consumed;
        var maxLookback = available - MinimumTrainingWindows;
        var consumedNote = consumed > 0 ? $", less the {consumed} the transform {pipeline} consumes," : "";
        if (maxLookback < 1)
        {
            throw new UnprocessableException(
                $"The series has {seriesLength} points; after the test tail ({testSize}) and validation part ({split.ValidationCount}){consumedNote} only {available} remain to train on, too few for any lookback.",
                pipeline is null || consumed == 0 ? "lookback" : "transform");
        }
        if (request.Lookback is { } lookback && lookback > maxLookback)
        {
            throw new UnprocessableException(
                $"lookback {lookback} is longer than the series allows: {split.TrainCount} training points{consumedNote} leave room for a lookback of at most {maxLookback}.",
                "lookback");
        }
        var hp = common with
        {
            Lookback = request.Lookback ?? DefaultLookback(seasonalPeriod, available), SeasonalPeriod = seasonalPeriod, SeasonalPeriods = seasons.Periods,
        };
        var seasonal = SeasonalLookback(seasonalPeriod);
        var lookbackChoice = hp.Lookback < seasonal
            ? $"lookback {hp.Lookback}: half the training part, which is too short for the usual {seasonal} (three seasons)."
            : $"lookback {hp.Lookback}: three seasons of {seasonalPeriod} (at least {MinDefaultLookback}, at most {MaxDefaultLookback}).";
        return new ResolvedHyperparameters(hp, Choices(request, hp, lookbackChoice,
            "transform auto: chosen while training from the diagnostics and the validation error of the candidates; the model says which.", seasons.Choice));
    }

    /// <summary>
    /// The fields every run resolves alike, each from the request or else from <paramref name="defaults"/>, within the
    /// bounds; the lookback is only checked against its bound and left for the caller to size for its data (0 here).
    /// </summary>
    private Hyperparameters ResolveCommon(HyperparameterRequest request, RunDefaults defaults, Frequency frequency, Func<int> randomSeed)
    {
        var epochs = Check(request.Epochs ?? defaults.Epochs, "epochs");
        var hidden = Check(request.HiddenSize ?? DefaultHiddenSize, "hiddenSize");
        var layers = Check(request.Layers ?? 1, "layers");
        var dropout = Check(request.Dropout ?? 0.0, "dropout");
        var learningRate = Check(request.LearningRate ?? defaults.LearningRate, "learningRate");
        var validationFraction = Check(request.ValidationFraction ?? 0.2, "validationFraction");
        var seasonalPeriod = Check(request.SeasonalPeriod ?? frequency.SeasonalPeriod(), "seasonalPeriod");
        var testSize = Check(request.TestSize ?? defaults.TestSize(seasonalPeriod), "testSize");
        var seed = Check(request.Seed ?? randomSeed(), "seed");
        var ensembleSize = Check(request.EnsembleSize ?? defaults.EnsembleSize, "ensembleSize");
        var batchSize = request.BatchSize is { } b ? Check(b, "batchSize") : defaults.BatchSize;
        int? windowsPerEpoch = request.WindowsPerEpoch is { } w ? Check(w, "windowsPerEpoch") : null;
        // 0 turns early stopping off: the model keeps its last epoch's weights, as in the tutorial.
        var requestedPatience = Check(request.EarlyStoppingPatience ?? (validationFraction > 0 ? defaults.EarlyStoppingPatience : 0),
            "earlyStoppingPatience");
        int? patience = requestedPatience > 0 ? requestedPatience : null;
        if (patience is not null && validationFraction == 0)
        {
            throw new DomainValidationException("earlyStoppingPatience needs a validation part: set validationFraction above 0.", "earlyStoppingPatience");
        }
        if (request.Lookback is { } requested)
        {
            Check(requested, "lookback");
        }
        var transform = request.Transform is null ? TransformChoice.Auto : TransformChoice.Parse(request.Transform);
        return new Hyperparameters(Lookback: 0, hidden, layers, dropout, epochs, batchSize, learningRate, validationFraction, testSize, seed,
            transform, patience, seasonalPeriod, ensembleSize, windowsPerEpoch);
    }

    /// <summary>What was chosen for the client, for every default that needs explaining.</summary>
    /// <param name="lookbackChoice">Why the lookback is what it is, when the client left it out.</param>
    /// <param name="autoChoice">What transform auto will do, when the client left the transform out.</param>
    /// <param name="seasonsChoice">Why the run has several seasons, when the service chose them.</param>
    private static List<string> Choices(HyperparameterRequest request, Hyperparameters resolved, string lookbackChoice, string autoChoice, string? seasonsChoice = null)
    {
        var choices = new List<string>();
        if (request.Lookback is null)
        {
            choices.Add(lookbackChoice);
        }
        if (seasonsChoice is not null)
        {
            choices.Add(seasonsChoice);
        }
        else if (request.SeasonalPeriod is null && request.SeasonalPeriods is null)
        {
            choices.Add($"seasonal period {resolved.SeasonalPeriod} from the series' frequency: the lag of seasonal naive, the MASE scale and any seasonal difference or seasonal indices.");
        }
        if (request.Transform is null)
        {
            choices.Add(autoChoice);
        }
        if (request.EarlyStoppingPatience is null && resolved.EarlyStoppingPatience is { } patience)
        {
            choices.Add($"early stopping after {patience} epochs without a better validation loss, keeping the best epoch's weights; send earlyStoppingPatience 0 to train every epoch and keep the last.");
        }
        if (request.Seed is null)
        {
            choices.Add($"seed {resolved.Seed} drawn at random; pass it to reproduce this run.");
        }
        return choices;
    }

    /// <summary>
    /// The lookback left to the service: three seasonal periods, between <see cref="MinDefaultLookback"/> and
    /// <see cref="MaxDefaultLookback"/>, and never more than half the training points, so that at least
    /// half of them are targets. Three seasons let the network compare each point with the same season
    /// in earlier years; on the shared data sets that was as accurate as the tutorial's 120 and several
    /// times faster to train (docs/accuracy.md).
    /// </summary>
    public static int DefaultLookback(int seasonalPeriod, int trainingPoints) =>
        Math.Max(1, Math.Min(SeasonalLookback(seasonalPeriod), trainingPoints / 2));

    /// <summary>Three seasonal periods, clamped to the default lookback's range.</summary>
    public static int SeasonalLookback(int seasonalPeriod) =>
        Math.Clamp(3 * seasonalPeriod, MinDefaultLookback, MaxDefaultLookback);

    private static void CheckTransform(TransformPipeline pipeline, RegularSeries series, int seasonalPeriod, DataSplit split)
    {
        var nonPositive = pipeline.Log ? series.Values.ToList().FindIndex(v => v <= 0) : -1;
        if (nonPositive >= 0)
        {
            throw new UnprocessableException(
                $"transform {pipeline} takes logarithms, so every value must be positive; point {nonPositive + 1} ({series.Format(series.TimestampAt(nonPositive))}) is {series.Values[nonPositive]}.",
                "transform");
        }
        if (pipeline.RemovesSeason && seasonalPeriod < 2)
        {
            throw new UnprocessableException(
                $"transform {pipeline} needs a seasonal period of at least 2; the series' frequency ({series.Frequency}) has none, so set seasonalPeriod.",
                "transform");
        }
        if (pipeline.Deseasonalize && split.TrainCount < pipeline.HistoryNeeded(seasonalPeriod))
        {
            throw new UnprocessableException(
                $"transform {pipeline} estimates seasonal indices from the training part, which must hold two seasons ({pipeline.HistoryNeeded(seasonalPeriod)} points); it has {split.TrainCount}.",
                "transform");
        }
    }

    private int Check(int value, string field) => Check(value, (int)Ranges[field].Min, (int)Ranges[field].Max, field);

    private double Check(double value, string field) => Check(value, Ranges[field].Min, Ranges[field].Max, field);

    private static T Check<T>(T value, T min, T max, string field) where T : IComparable<T>
    {
        if (value is double d && !double.IsFinite(d))
        {
            throw new DomainValidationException($"{field} must be a finite number.", field);
        }
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            throw new DomainValidationException($"{field} must be between {min} and {max}; got {value}.", field);
        }
        return value;
    }
}
