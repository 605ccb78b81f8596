using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

/// <summary>What a collection's run is resolved against: its frequency and the extremes of its members' lengths.</summary>
public sealed record CollectionShape(Frequency Frequency, int Members, string ShortestKey, int ShortestLength, int LongestLength);

public sealed partial class HyperparameterResolver
{
    /// <summary>
    /// Defaults of a global run, chosen on the tourism competition's validation parts, never its test tails
    /// (docs/accuracy.md): five networks from different seeds whose forecasts' median is the model's, each trained for up
    /// to 100 epochs of mini-batches of 512 windows that mix members, Adam at 0.001, early stopping after 10 epochs
    /// without a better forecast of the validation parts; the test tail is two seasons, as the competition's horizons (24
    /// monthly, 8 quarterly), or 10 without a season of 2 to 12.
    /// </summary>
    private static readonly RunDefaults CollectionDefaults = new(
        Epochs: 100, LearningRate: 0.001, BatchSize: 512, EarlyStoppingPatience: 10,
        TestSize: period => period is >= 2 and <= 12 ? 2 * period : 10, EnsembleSize: 5);

    /// <summary>The shortest lookback the service chooses by itself for a collection: three quarterly seasons.</summary>
    public const int MinDefaultCollectionLookback = 12;

    /// <summary>
    /// Resolves a global run over a collection. Members need not all be long enough for the lookback: those too short are
    /// forecast by the Theta method, and the model says which. Every member must hold its test tail and a little history.
    /// </summary>
    /// <exception cref="UnprocessableException">A member too short for the test tail, or no member long enough for the lookback.</exception>
    public ResolvedHyperparameters ResolveForCollection(HyperparameterRequest request, CollectionShape shape, Func<int> randomSeed)
    {
        RefuseSeasonalPeriods(request);
        var common = ResolveCommon(request, CollectionDefaults, shape.Frequency, randomSeed);
        CheckShortestMember(shape, common.TestSize);
        // The network forecasts the whole test tail at once: a window needs the lookback and testSize targets after it, all
        // before the validation part (testSize points, unless validation is off) and the test tail.
        var heldOut = (common.ValidationFraction > 0 ? 2 : 1) * common.TestSize;
        var maxLookback = shape.LongestLength - heldOut - common.TestSize - MinimumTrainingWindows + 1;
        if (maxLookback < 1 || request.Lookback > maxLookback)
        {
            throw new UnprocessableException(
                $"The longest member has {shape.LongestLength} points; held out {heldOut} (the test tail{(heldOut > common.TestSize ? " and the validation part before it" : "")}) and with {common.TestSize} targets a window, it leaves room for a lookback of at most {Math.Max(maxLookback, 0)}; ask for a shorter lookback or a smaller testSize.",
                "lookback");
        }
        var seasonal = Math.Clamp(3 * common.SeasonalPeriod, MinDefaultCollectionLookback, MaxDefaultLookback);
        var hp = common with { Lookback = request.Lookback ?? Math.Min(seasonal, maxLookback) };
        var lookbackChoice = hp.Lookback < seasonal
            ? $"lookback {hp.Lookback}: as long as the longest member allows, shorter than the usual {seasonal} (three seasons); members too short for it are forecast by the Theta method."
            : $"lookback {hp.Lookback}: three seasons of {common.SeasonalPeriod} (at least {MinDefaultCollectionLookback}, at most {MaxDefaultLookback}); members too short for it are forecast by the Theta method.";
        var choices = Choices(request, hp, lookbackChoice,
            "transform auto, per member: logarithms when all its values before the test tail are positive, and its season taken out when its training part is seasonal at 90 % (as Naive2 and Theta test it), as STL's season (R's stl, seasonal window 11), which evolves over the years.");
        if (request.TestSize is null)
        {
            choices.Insert(0, $"testSize {hp.TestSize}: the last {hp.TestSize} points of every member are held out and forecast for the evaluation.");
        }
        if (request.Epochs is null || request.BatchSize is null || request.LearningRate is null)
        {
            choices.Add($"epochs {hp.Epochs}, batchSize {hp.BatchSize}, learningRate {hp.LearningRate}: the global defaults measured on the tourism competition's validation parts.");
        }
        if (request.EnsembleSize is null)
        {
            choices.Add($"ensembleSize {hp.EnsembleSize}: the median of {hp.EnsembleSize} networks from seeds derived from the run's, steadier from seed to seed than fewer and measured more accurate than three on the tourism competition's validation parts.");
        }
        if (request.ValidationFraction is not null && hp.ValidationFraction > 0)
        {
            choices.Add($"validationFraction {hp.ValidationFraction}: a collection's validation part is each member's last testSize ({hp.TestSize}) points before its test tail, forecast as the test tail is; only 0 (no validation) changes it.");
        }
        return new ResolvedHyperparameters(hp, choices);
    }

    /// <summary>Points a member needs before its test tail: enough for the Theta fallback and its baselines to forecast.</summary>
    public const int MinimumMemberHistory = 3;

    /// <exception cref="UnprocessableException">The shortest member cannot hold the test tail and <see cref="MinimumMemberHistory"/> points before it.</exception>
    private static void CheckShortestMember(CollectionShape shape, int testSize)
    {
        if (shape.ShortestLength < testSize + MinimumMemberHistory)
        {
            throw new UnprocessableException(
                $"Member '{shape.ShortestKey}' has {shape.ShortestLength} points; with testSize {testSize} held out it needs at least {testSize + MinimumMemberHistory}. Ask for a smaller testSize.",
                "testSize");
        }
    }
}
